/** A pair of registered persons scoring at least the review threshold. */
export interface DuplicatePair {
  /** The two persons, the smaller id first. */
  personIds: [string, string];
  score: number;
  band: "link" | "review";
  /** Each field's agreement level as registerComparisons numbers them (MISSING_LEVEL when unknown). */
  levels: number[];
}
