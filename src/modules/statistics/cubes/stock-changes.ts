import type { CellDimensions, CubeCell, CubeTable } from "./cube-cell.js";
import { addMonthsToMonth, endOfMonth, monthOf } from "./months.js";

export interface StockSpell {
  tableCode: CubeTable;
  /** First day in the stock. */
  start: string;
  /** First day no longer in the stock (decided, expired, released), or null while it lasts. */
  endExclusive: string | null;
  /** Dates around which the dimensions may change (birthdays that change the age group...). */
  changeDates: string[];
  /** The dimensions of the spell at a month's last day. */
  dimensionsAt(referenceDate: string): CellDimensions;
}

function sameDimensions(a: CellDimensions, b: CellDimensions): boolean {
  return (
    a.citizen === b.citizen &&
    a.sex === b.sex &&
    a.age === b.age &&
    a.d1 === b.d1 &&
    a.d2 === b.d2 &&
    a.d3 === b.d3
  );
}

/**
 * A stock counted at month ends, written as its changes: +1 in the first month it is counted, a
 * move between classes in a month where its dimensions change (a birthday crosses an age group),
 * and -1 in the first month it is no longer counted. Finite even while the spell lasts, and the
 * same whenever it is computed, so incremental cubes and a rebuild agree.
 */
export function stockChanges(spell: StockSpell): CubeCell[] {
  const first = monthOf(spell.start);
  const stop = spell.endExclusive === null ? null : monthOf(spell.endExclusive);
  if (stop !== null && stop <= first) return [];
  const cells: CubeCell[] = [];
  const add = (period: string, dims: CellDimensions, n: number) =>
    cells.push({
      tableCode: spell.tableCode,
      period,
      citizen: dims.citizen,
      sex: dims.sex,
      age: dims.age,
      d1: dims.d1,
      d2: dims.d2,
      d3: dims.d3,
      n,
      total: 0,
    });
  let current = spell.dimensionsAt(endOfMonth(first));
  add(first, current, 1);
  const months = new Set<string>();
  for (const date of spell.changeDates) {
    const month = monthOf(date);
    months.add(month);
    months.add(addMonthsToMonth(month, 1));
  }
  for (const month of [...months].sort()) {
    if (month <= first || (stop !== null && month >= stop)) continue;
    const next = spell.dimensionsAt(endOfMonth(month));
    if (sameDimensions(current, next)) continue;
    add(month, current, -1);
    add(month, next, 1);
    current = next;
  }
  if (stop !== null) add(stop, current, -1);
  return cells;
}
