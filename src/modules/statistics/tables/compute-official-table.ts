import type { Queryable } from "../../../platform/db/index.js";
import { sumCube } from "../cubes/cube-repository.js";
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

function product(lists: string[][]): string[][] {
  return lists.reduce<string[][]>(
    (combos, list) => combos.flatMap((combo) => list.map((code) => [...combo, code])),
    [[]],
  );
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
  const sums = await sumCube(db, definition.cube, definition.stock ? { upTo: last } : { in: months });
  const counts = new Map<string, { key: Record<string, string>; value: number }>();
  for (const sum of sums) {
    if (
      definition.filter &&
      Object.entries(definition.filter).some(([column, value]) => sum[column as "d1"] !== value)
    )
      continue;
    const lists = definition.dimensions.map((dimension) => dimension.expand(sum[dimension.from]));
    for (const codes of product(lists)) {
      const id = codes.join("|");
      const existing = counts.get(id);
      if (existing) existing.value += sum.n;
      else {
        const key = Object.fromEntries(
          definition.dimensions.map((dimension, index) => [dimension.id, codes[index] as string]),
        );
        counts.set(id, { key, value: sum.n });
      }
    }
  }
  // The grand total is published even when nothing happened.
  const grand = definition.dimensions.map((dimension) => dimension.total).join("|");
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
