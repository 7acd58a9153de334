import { allCells, type CellKey, type CountTable, cellKey, cellValue } from "./table.js";

export interface PrimarySuppressionOptions {
  /** Smallest count that may be shown; 5 hides 1..4. */
  readonly minimum?: number;
  /**
   * Whether zeros are hidden too. Off by default: a zero (structural or not) describes nobody, so showing
   * it identifies no person; some offices hide zeros where a zero itself is sensitive (e.g. "no woman
   * from country X was returned").
   */
  readonly suppressZeros?: boolean;
}

export const DEFAULT_MINIMUM = 5;

/** Whether one count is too small to publish. */
export function isSmallCount(value: number, options: PrimarySuppressionOptions = {}): boolean {
  const minimum = options.minimum ?? DEFAULT_MINIMUM;
  if (value === 0) return options.suppressZeros === true;
  return value < minimum;
}

/**
 * Primary suppression: the cells too small to publish. Totals are checked like any cell, because a
 * total of 3 people identifies them as surely as an interior cell of 3.
 */
export function primarySuppression(table: CountTable, options: PrimarySuppressionOptions = {}): Set<CellKey> {
  const minimum = options.minimum ?? DEFAULT_MINIMUM;
  if (!Number.isInteger(minimum) || minimum < 1)
    throw new RangeError(`minimum must be a positive integer, got ${minimum}`);
  const hidden = new Set<CellKey>();
  for (const ref of allCells(table)) {
    if (isSmallCount(cellValue(table, ref), options)) hidden.add(cellKey(ref));
  }
  return hidden;
}
