import { describe, expect, it } from "vitest";
import { ValueWeights, valueAgreementWeight } from "./name-frequency.js";

describe("value-specific agreement weights", () => {
  it("are log2(m / share): agreeing on a name held by one in 64 weighs 6 bits more than on one held by all", () => {
    // m = 0.5: log2(0.5 / (1/64)) = log2(32) = 5; log2(0.5 / 1) = -1; bounds wide enough not to matter.
    const wide = { above: 100, below: 100 };
    expect(valueAgreementWeight(0.5, 1 / 64, 0, wide)).toBeCloseTo(5, 12);
    expect(valueAgreementWeight(0.5, 1, 0, wide)).toBeCloseTo(-1, 12);
  });

  it("stay within the bounds around the field's one weight", () => {
    // The field's weight 4: at most 4 + 2 = 6 for a name held once in a million, at least 4 - 1 = 3.
    const bounds = { above: 2, below: 1 };
    expect(valueAgreementWeight(0.8, 1e-6, 4, bounds)).toBe(6);
    expect(valueAgreementWeight(0.8, 0.8, 4, bounds)).toBe(3);
    expect(valueAgreementWeight(0.8, 0.05, 4, bounds)).toBeCloseTo(4, 12);
  });

  it("count each value in the register: a common surname weighs less than a rare one, an unseen one as held once", () => {
    // 1,000 names: mammadov 100 times (share 1/10), rzayev 5 times (1/200), m = 0.8, field weight 5.
    const counts = new Map([
      ["mammadov", 100],
      ["rzayev", 5],
    ]);
    const weights = new ValueWeights(counts, 1000, 0.8, 5, { above: 4, below: 6 });
    expect(weights.of("mammadov")).toBeCloseTo(3, 12); // log2(0.8 / 0.1) = log2(8)
    expect(weights.of("rzayev")).toBeCloseTo(Math.log2(160), 12); // log2(0.8 / 0.005) = 7.32
    expect(weights.of("xyz")).toBe(9); // log2(0.8 / 0.001) = 9.64, bounded at 5 + 4
  });
});
