/**
 * Eurostat publishes asylum and enforcement counts rounded to the nearest 5, half upwards: 1-2 become 0,
 * 3-7 become 5, 8-12 become 10. A true zero stays zero because rounding it could not hide anything.
 * Totals are rounded on their own rather than summed from rounded parts, so a published table may not
 * add up; that is deliberate (re-adding rounded parts would leak information about the unrounded ones).
 */
export function roundToNearest(value: number, base = 5): number {
  if (!Number.isInteger(base) || base < 1)
    throw new RangeError(`base must be a positive integer, got ${base}`);
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`only non-negative counts can be rounded, got ${value}`);
  }
  return Math.floor((value + base / 2) / base) * base;
}
