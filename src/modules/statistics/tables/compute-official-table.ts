import type { Queryable } from "../../../platform/db/index.js";
import { type CubeSum, sumCube } from "../cubes/cube-repository.js";
import { monthsOfPeriod } from "../cubes/months.js";
import type { OfficialObservation } from "./official-table.js";
import type { Frequency, TableDefinition } from "./table-definitions.js";

export class PeriodError extends Error {
  constructor(
    readonly code: "invalid_period",
    message: string,
  ) {
    super(message);
  }
}

const PERIOD_PATTERNS: Record<Frequency, RegExp> = {
  M: /^\d{4}-(0[1-9]|1[0-2])$/,
  Q: /^\d{4}-Q[1-4]$/,
  A: /^\d{4}$/,
};

export function checkPeriod(definition: TableDefinition, period: string): void {
  if (!PERIOD_PATTERNS[definition.frequency].test(period)) {
    const expected = { M: "YYYY-MM", Q: "YYYY-Qn", A: "YYYY" }[definition.frequency];
    throw new PeriodError(
      "invalid_period",
      `${definition.code} is published for ${expected} periods, not ${period}`,
    );
  }
}

export interface ExactTable {
  definition: TableDefinition;
  period: string;
  months: string[];
  observations: OfficialObservation[];
}

const SEPARATOR = "\u0000";

type RolledCells = Map<string, { codes: string[]; value: number }>;

function addTo(cells: RolledCells, codes: string[], value: number): void {
  const id = codes.join(SEPARATOR);
  const existing = cells.get(id);
  if (existing) existing.value += value;
  else cells.set(id, { codes, value });
}

/**
 * Adds every total and aggregate one dimension at a time: each cell adds its count to the codes
 * its code rolls up to, then the next dimension is rolled up over the result. Far fewer steps than
 * expanding every raw cell into all its combinations at once.
 */
export function rollUp(
  definition: TableDefinition,
  sums: CubeSum[],
): Map<string, { key: Record<string, string>; value: number }> {
  let cells: RolledCells = new Map();
  for (const sum of sums) {
    if (
      definition.filter &&
      Object.entries(definition.filter).some(([column, value]) => sum[column as "d1"] !== value)
    )
      continue;
    addTo(
      cells,
      definition.dimensions.map((dimension) => sum[dimension.from]),
      sum.n,
    );
  }
  definition.dimensions.forEach((dimension, index) => {
    const next: RolledCells = new Map();
    for (const [id, cell] of cells) next.set(id, { codes: cell.codes, value: cell.value });
    for (const cell of cells.values()) {
      const own = cell.codes[index] as string;
      for (const code of dimension.expand(own)) {
        if (code === own) continue;
        const codes = [...cell.codes];
        codes[index] = code;
        addTo(next, codes, cell.value);
      }
    }
    cells = next;
  });
  const counts = new Map<string, { key: Record<string, string>; value: number }>();
  for (const [id, cell] of cells) {
    const key: Record<string, string> = {};
    definition.dimensions.forEach((dimension, index) => {
      key[dimension.id] = cell.codes[index] as string;
    });
    counts.set(id, { key, value: cell.value });
  }
  return counts;
}

/**
 * The exact figures of a table for a period, with every total and aggregate of its dimensions,
 * summed from the cubes (a stock: every change up to the period's last month).
 */
export async function computeExactTable(
  db: Queryable,
  definition: TableDefinition,
  period: string,
): Promise<ExactTable> {
  checkPeriod(definition, period);
  const months = monthsOfPeriod(period);
  const last = months.at(-1) as string;
  const sums = await sumCube(db, definition.cube, definition.stock ? { upTo: last } : { in: months }, {
    by: definition.dimensions.map((dimension) => dimension.from),
    ...(definition.filter ? { where: definition.filter } : {}),
  });
  const counts = rollUp(definition, sums);
  // The grand total is published even when nothing happened.
  const grand = definition.dimensions.map((dimension) => dimension.total).join(SEPARATOR);
  if (!counts.has(grand)) {
    counts.set(grand, {
      key: Object.fromEntries(definition.dimensions.map((dimension) => [dimension.id, dimension.total])),
      value: 0,
    });
  }
  const observations = [...counts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, { key, value }]) => ({ key, value, flag: "" }));
  return { definition, period, months, observations };
}
