import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jaro, jaroWinkler } from "./jaro-winkler.js";

describe("Jaro-Winkler", () => {
  it("gives the published values of the standard examples", () => {
    // MARTHA/MARHTA: 6 matches, 1 transposition, prefix 3: jaro 0.944, 0.944 + 0.3 × 0.056.
    expect(jaro("MARTHA", "MARHTA")).toBeCloseTo(0.944, 3);
    expect(jaroWinkler("MARTHA", "MARHTA")).toBeCloseTo(0.961, 3);
    // DIXON/DICKSONX: 4 matches of 5 and 8, prefix 2: jaro 0.767.
    expect(jaro("DIXON", "DICKSONX")).toBeCloseTo(0.767, 3);
    expect(jaroWinkler("DIXON", "DICKSONX")).toBeCloseTo(0.813, 3);
    // DWAYNE/DUANE: 4 matches of 6 and 5, prefix 1: jaro 0.822.
    expect(jaro("DWAYNE", "DUANE")).toBeCloseTo(0.822, 3);
    expect(jaroWinkler("DWAYNE", "DUANE")).toBeCloseTo(0.84, 3);
  });

  it("is 0 without common characters or when a side is empty", () => {
    expect(jaroWinkler("abc", "xyz")).toBe(0);
    expect(jaroWinkler("", "abc")).toBe(0);
  });

  it("is symmetric, within [0, 1], and 1 for equal strings", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const ab = jaroWinkler(a, b);
        expect(ab).toBeCloseTo(jaroWinkler(b, a), 12);
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ab).toBeLessThanOrEqual(1);
        expect(jaroWinkler(a, a)).toBe(1);
      }),
    );
  });
});
