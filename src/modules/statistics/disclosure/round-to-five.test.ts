import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { roundToNearest } from "./round-to-five.js";

describe("roundToNearest", () => {
  it("follows the Eurostat bands for base 5", () => {
    const expected: Array<[number, number]> = [
      [0, 0],
      [1, 0],
      [2, 0],
      [3, 5],
      [5, 5],
      [7, 5],
      [8, 10],
      [12, 10],
      [13, 15],
      [1002, 1000],
      [1003, 1005],
    ];
    for (const [value, rounded] of expected) expect(roundToNearest(value), `${value}`).toBe(rounded);
  });

  it("rounds half upwards for other bases", () => {
    expect(roundToNearest(5, 10)).toBe(10);
    expect(roundToNearest(4, 10)).toBe(0);
    expect(roundToNearest(7, 3)).toBe(6);
    expect(roundToNearest(9, 1)).toBe(9);
  });

  it("is a multiple of the base and never more than half a base away", () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.integer({ min: 1, max: 100 }), (value, base) => {
        const rounded = roundToNearest(value, base);
        expect(rounded % base).toBe(0);
        expect(Math.abs(rounded - value)).toBeLessThanOrEqual(base / 2);
      }),
    );
  });

  it("refuses negative counts and senseless bases", () => {
    expect(() => roundToNearest(-1)).toThrow(RangeError);
    expect(() => roundToNearest(Number.NaN)).toThrow(RangeError);
    expect(() => roundToNearest(4, 0)).toThrow(RangeError);
    expect(() => roundToNearest(4, 2.5)).toThrow(RangeError);
  });
});
