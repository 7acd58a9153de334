import type { Queryable } from "../../../platform/db/index.js";
import { type CubeTable, cubeTables } from "../cubes/cube-cell.js";
import { monthlySeries } from "../cubes/cube-repository.js";
import { monthsOfPeriod } from "../cubes/months.js";
import type { SeriesRef } from "./indicator-definition.js";

/**
 * How an indicator names cube figures in a `SeriesRef`:
 *
 * - `series` is a cube (`decisions`) for its count, or `<cube>.total` (`processing.total`) for the sum
 *   kept beside the count, such as days of processing time;
 * - `filter` narrows the cube's columns `citizen`, `d1`, `d2` and `d3`; a value may list codes that
 *   all count, separated by `|` (`{ d1: "GENCONV|SUB_PROT|HUMSTAT" }`).
 *
 * A flow is summed over the months of the period; a stock (`*_stock`) is taken at the period's end.
 */
const filterColumns = ["citizen", "d1", "d2", "d3"] as const;
type FilterColumn = (typeof filterColumns)[number];

export class SeriesRefError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SeriesRefError";
  }
}

interface ParsedRef {
  cube: CubeTable;
  measure: "n" | "total";
  /** Every combination of the listed codes, one monthlySeries filter each. */
  filters: Array<Partial<Record<FilterColumn, string>>>;
}

function parseRef(ref: SeriesRef): ParsedRef {
  const [cube, measure, ...rest] = ref.series.split(".");
  if (!cube || !(cube in cubeTables) || rest.length > 0 || (measure !== undefined && measure !== "total"))
    throw new SeriesRefError(`unknown series "${ref.series}": name a cube, or <cube>.total`);
  let filters: Array<Partial<Record<FilterColumn, string>>> = [{}];
  for (const [column, value] of Object.entries(ref.filter ?? {})) {
    if (!filterColumns.includes(column as FilterColumn))
      throw new SeriesRefError(`series "${ref.series}" cannot be filtered on ${column}`);
    const codes = value.split("|").filter((code) => code !== "");
    if (codes.length === 0)
      throw new SeriesRefError(`series "${ref.series}" has an empty filter on ${column}`);
    filters = filters.flatMap((filter) => codes.map((code) => ({ ...filter, [column]: code })));
  }
  return { cube: cube as CubeTable, measure: measure === "total" ? "total" : "n", filters };
}

function refKey(ref: SeriesRef): string {
  const filter = Object.entries(ref.filter ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([ref.series, filter]);
}

export type SeriesResolver = (ref: SeriesRef, period: string) => number;

/**
 * Reads from the cubes every month the given series need for the given periods (YYYY-MM, YYYY-Qn or
 * YYYY), then answers for those periods without touching the database again, as `evaluateIndicator`
 * expects. Asking for a series or a month that was not loaded is a programming error and throws.
 */
export async function loadSeriesResolver(
  db: Queryable,
  refs: readonly SeriesRef[],
  periods: readonly string[],
): Promise<SeriesResolver> {
  const months = [...new Set(periods.flatMap((period) => monthsOfPeriod(period)))].sort();
  const first = months[0];
  const last = months.at(-1);
  const loaded = new Map<string, { parsed: ParsedRef; byMonth: Map<string, number> }>();
  for (const ref of refs) {
    const key = refKey(ref);
    if (loaded.has(key)) continue;
    const parsed = parseRef(ref);
    const byMonth = new Map<string, number>();
    if (first !== undefined && last !== undefined) {
      const stock = parsed.cube.endsWith("_stock");
      for (const filter of parsed.filters) {
        const rows = await monthlySeries(
          db,
          parsed.cube,
          { from: stock ? "0000-01" : first, to: last },
          filter,
        );
        for (const row of rows)
          byMonth.set(
            row.period,
            (byMonth.get(row.period) ?? 0) + (parsed.measure === "n" ? row.n : row.total),
          );
      }
    }
    loaded.set(key, { parsed, byMonth });
  }
  const covered = new Set(months);
  return (ref, period) => {
    const series = loaded.get(refKey(ref));
    if (!series) throw new SeriesRefError(`series "${ref.series}" was not loaded`);
    const periodMonths = monthsOfPeriod(period);
    if (!periodMonths.every((month) => covered.has(month)))
      throw new SeriesRefError(`period ${period} was not loaded`);
    if (series.parsed.cube.endsWith("_stock")) {
      const end = periodMonths.at(-1) as string;
      let sum = 0;
      for (const [month, value] of series.byMonth) if (month <= end) sum += value;
      return sum;
    }
    return periodMonths.reduce((sum, month) => sum + (series.byMonth.get(month) ?? 0), 0);
  };
}
