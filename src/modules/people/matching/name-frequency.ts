/**
 * Value-specific agreement weights (Winkler's frequency-based matching): two different persons
 * agree on a name by chance about as often as the name is common, so agreeing on a rare surname is
 * stronger evidence than agreeing on the commonest one. For a value held by the share f of the
 * register, a pair of different persons agrees on it with probability f·f and a pair of records of
 * one person (agreeing with probability m) with m·f, so the weight of agreeing on that value is
 * log2(m·f / f·f) = log2(m / f) — where the field's one weight log2(m / u) uses u = Σ f², the average
 * over all values.
 */

/** How far a value-specific weight may move from the field's one weight, in bits. */
export interface FrequencyBounds {
  /**
   * At most this much stronger: a value seen a few times only (a typing error, a name of one family)
   * must not outweigh a disagreeing birth date; and relatives share rare family names.
   */
  above: number;
  /** At most this much weaker. */
  below: number;
}

export const defaultFrequencyBounds: FrequencyBounds = { above: 4, below: 6 };

/**
 * The weight of full agreement on a value held by `share` of the register (0 < share ≤ 1), for a
 * field agreeing fully with probability `m` among records of one person: log2(m / share), kept
 * within `bounds` of the field's one weight `fieldWeight`.
 */
export function valueAgreementWeight(
  m: number,
  share: number,
  fieldWeight: number,
  bounds: FrequencyBounds = defaultFrequencyBounds,
): number {
  const weight = Math.log2(m / share);
  return Math.min(fieldWeight + bounds.above, Math.max(fieldWeight - bounds.below, weight));
}

/**
 * The value-specific weights of full agreement on one field, counted once from the register: each
 * value's weight computed on first use and kept, since a register's names are few thousand values
 * compared millions of times.
 */
export class ValueWeights {
  private readonly weights = new Map<string, number>();

  /**
   * @param counts how many of the register's values are each value (values counted once may be left out)
   * @param total how many values the register holds in all
   */
  constructor(
    private readonly counts: ReadonlyMap<string, number>,
    private readonly total: number,
    private readonly m: number,
    private readonly fieldWeight: number,
    private readonly bounds: FrequencyBounds = defaultFrequencyBounds,
  ) {}

  /** The weight of two persons agreeing fully on `value`. */
  of(value: string): number {
    let weight = this.weights.get(value);
    if (weight === undefined) {
      const count = Math.max(1, this.counts.get(value) ?? 1);
      weight = valueAgreementWeight(this.m, Math.min(1, count / this.total), this.fieldWeight, this.bounds);
      this.weights.set(value, weight);
    }
    return weight;
  }
}
