import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasUnstorableCharacters, jsonNestingDepth, unstorableStringPaths } from "./request-bodies.js";

describe("the nesting depth of a JSON text", () => {
  it("counts arrays and objects, not brackets inside strings", () => {
    expect(jsonNestingDepth("1")).toBe(0);
    expect(jsonNestingDepth('{"a":[1,{"b":2}]}')).toBe(3);
    expect(jsonNestingDepth('{"a":"[[[[{{{{\\"]]]"}')).toBe(1);
  });

  it("agrees with the parsed value for any JSON", () => {
    const depthOf = (value: unknown): number =>
      typeof value === "object" && value !== null ? 1 + Math.max(0, ...Object.values(value).map(depthOf)) : 0;
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        expect(jsonNestingDepth(JSON.stringify(value))).toBe(depthOf(value));
      }),
      { numRuns: 200 },
    );
  });

  it("stops early, without recursion, on a text nested a million levels deep", () => {
    expect(jsonNestingDepth("[".repeat(1_000_000), 32)).toBe(33);
  });
});

describe("characters the database cannot store", () => {
  it("are NUL and surrogates without their pair; an emoji is fine", () => {
    expect(hasUnstorableCharacters("Ali\u0000")).toBe(true);
    expect(hasUnstorableCharacters("\ud83d")).toBe(true);
    expect(hasUnstorableCharacters("\ude00x")).toBe(true);
    expect(hasUnstorableCharacters("😀 Əli \u200b")).toBe(false);
  });

  it("are found by path in a body, keys included", () => {
    expect(
      unstorableStringPaths({
        items: [{ answers: { ok: "fine" } }, { answers: { name: "a\u0000" } }],
        ["bad\u0000key"]: 1,
      }).sort(),
    ).toEqual(["bad\u0000key", "items.1.answers.name"]);
    expect(unstorableStringPaths("\u0000")).toEqual(["body"]);
    // A url-encoded form as the parser builds it: on a prototype that has no prototype itself.
    const form = Object.create(Object.create(null)) as Record<string, unknown>;
    form.fullName = ["Aysel", "Ay\u0000sel"];
    expect(unstorableStringPaths(form)).toEqual(["fullName.1"]);
    expect(unstorableStringPaths({ file: Buffer.from("\u0000") })).toEqual([]);
    expect(unstorableStringPaths({ fine: [1, true, null, "x"] })).toEqual([]);
  });
});
