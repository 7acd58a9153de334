import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-redirect.js";

/** Whatever a link or form says, the redirect after sign-in never leaves this service. */
describe("safeNextPath", () => {
  it("never returns anything a browser would resolve to another origin", () => {
    const tricky = fc.oneof(
      fc.string({ unit: "binary", maxLength: 60 }),
      fc.string({ maxLength: 40 }).map((rest) => `/${rest}`),
      fc
        .constantFrom("//", "/\\", "/%2F", "/\t/", "https:", "\\\\")
        .chain((prefix) => fc.string({ maxLength: 30 }).map((rest) => `${prefix}${rest}`)),
    );
    fc.assert(
      fc.property(tricky, (candidate) => {
        const result = safeNextPath(candidate);
        if (result === null) return;
        expect(result.startsWith("/")).toBe(true);
        expect(new URL(result, "https://karvan.example").origin).toBe("https://karvan.example");
      }),
      { numRuns: 3000 },
    );
  });

  it("keeps local paths with their query and refuses everything else", () => {
    expect(safeNextPath("/account?tab=documents")).toBe("/account?tab=documents");
    for (const evil of [
      "https://evil.example",
      "//evil.example",
      "/\\evil.example",
      "/x/..//evil.example/",
      "/%2f%2fevil.example",
      "javascript:alert(1)",
      42,
      null,
    ]) {
      expect(safeNextPath(evil)).toBeNull();
    }
    expect(safeNextPath("/sign-in?next=/account")).toBeNull();
    expect(safeNextPath("/x/../sign-in")).toBeNull();
  });
});
