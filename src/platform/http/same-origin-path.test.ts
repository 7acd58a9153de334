import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sameOriginPath } from "./same-origin-path.js";

const origin = "https://karvan.example";

/** Pieces attackers combine: slashes in every spelling, dot segments, encodings, schemes. */
const hostilePiece = fc.constantFrom(
  "/",
  "//",
  "\\",
  "/\\",
  "\\/",
  ".",
  "..",
  "/..",
  "/./",
  "%2f",
  "%2F",
  "%5c",
  "%5C",
  "%252f",
  "%2e",
  "%2e%2e",
  ".%2e",
  "\t",
  "\n",
  "\r",
  "%09",
  "%0a",
  "%00",
  " ",
  "\u3000",
  "evil.example",
  "@",
  ":",
  "?",
  "#",
  "http:",
  "https:",
  "javascript:",
  "x",
  "account",
);

const hostile = fc.oneof(
  fc.array(hostilePiece, { maxLength: 10 }).map((pieces) => pieces.join("")),
  fc.array(hostilePiece, { maxLength: 10 }).map((pieces) => `/${pieces.join("")}`),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ maxLength: 40 }).map((rest) => `/x/..//${rest}`),
);

/** Browsers resolve a Location header against the current page; this is what they would open. */
function opened(path: string): URL {
  return new URL(path, `${origin}/some/page?with=query`);
}

describe("sameOriginPath", () => {
  it("only ever returns a path on this service that starts with a single slash", () => {
    fc.assert(
      fc.property(hostile, (candidate) => {
        const result = sameOriginPath(candidate);
        if (result === null) return;
        expect(result.startsWith("/")).toBe(true);
        expect(result[1]).not.toBe("/");
        expect(result[1]).not.toBe("\\");
        expect(new URL(result, origin).origin).toBe(origin);
        expect(opened(result).origin).toBe(origin);
        expect(sameOriginPath(result)).toBe(result);
      }),
      { numRuns: 5000 },
    );
  });

  it("refuses paths that become another host once normalised or decoded", () => {
    for (const evil of [
      "/x/..//evil.example/",
      "/x/../..//evil.example",
      "/%2e%2e//evil.example",
      "/x/%2e%2e//evil.example",
      "/%2f%2fevil.example",
      "/%2F/evil.example",
      "/%5cevil.example",
      "/%5C%5Cevil.example",
      "/%252f%252fevil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "/\\evil.example",
      "\\\\evil.example",
      "//evil.example",
      "https://evil.example",
      "javascript:alert(1)",
      " //evil.example",
      "",
      42,
      undefined,
    ]) {
      expect(sameOriginPath(evil), JSON.stringify(evil)).toBeNull();
    }
  });

  it("keeps a local path with its query and fragment, normalised", () => {
    expect(sameOriginPath("/account?tab=documents#top")).toBe("/account?tab=documents#top");
    expect(sameOriginPath("/a/b/../c")).toBe("/a/c");
    expect(sameOriginPath("/search?q=a%2Fb")).toBe("/search?q=a%2Fb");
  });
});
