import { describe, expect, it } from "vitest";
import { loggedUrl, redactedQuery } from "./request-log.js";

describe("request log addresses", () => {
  it("keeps query keys and only the values of harmless keys", () => {
    expect(redactedQuery("/cases?q=a%40b.org&page=2&lang=en&sort=received&order=desc")).toBe(
      "?q=[redacted]&page=2&lang=en&sort=received&order=desc",
    );
    expect(redactedQuery("/x?page=a%40b.org&lang=english")).toBe("?page=[redacted]&lang=[redacted]");
    expect(redactedQuery("/x")).toBe("");
    expect(redactedQuery("/x?")).toBe("");
  });

  it("logs the route's pattern, not the path that was asked for", () => {
    expect(
      loggedUrl({ url: "/verify/ABC-123?lang=en", routeOptions: { url: "/verify/:code" } } as never),
    ).toBe("/verify/:code?lang=en");
    expect(loggedUrl({ url: "/nowhere/secret", routeOptions: {} } as never)).toBe("(no route)");
  });
});
