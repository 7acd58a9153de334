import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../../../platform/db/index.js";
import type { FellegiSunterModel } from "../matching/fellegi-sunter.js";
import { type FrequencyBounds, ValueWeights } from "../matching/name-frequency.js";
import { registerComparisons } from "../register/scoring.js";
import type { ValueAgreementWeights } from "./pair-scorer.js";

const fieldOf = (name: string) => registerComparisons.findIndex((comparison) => comparison.name === name);
const GIVEN = fieldOf("given name");
const FAMILY = fieldOf("surname");
const DATE = fieldOf("date of birth");
const EQUAL = 3;
const DATE_EXACT = 4;
const DATE_PARTIAL = 1;

export interface ValueWeightOptions {
  /**
   * Below this many names the register is too small to tell a common name from a rare one (every
   * name of ten persons is "a tenth"): the field's one weight stays (1,000 by default).
   */
  minimumNames?: number;
  bounds?: FrequencyBounds;
}

/**
 * How many persons were born on each date and in each month and year the register's birth dates
 * name: `1980` counts every person born in 1980, whatever else is known of the date.
 */
async function birthDateCounts(tx: Queryable): Promise<{ counts: Map<string, number>; total: number }> {
  const rows = await queryRows<{ birth_date: string; count: number }>(
    tx,
    sql`select birth_date, count(*)::int as count from people_persons
      where merged_into is null and birth_date is not null group by birth_date`,
  );
  const counts = new Map<string, number>();
  let total = 0;
  for (const { birth_date: date, count } of rows) {
    total += count;
    for (const part of new Set([date, date.slice(0, 7), date.slice(0, 4)]))
      counts.set(part, (counts.get(part) ?? 0) + count);
  }
  return { counts, total };
}

/**
 * The value-specific weights of agreement: on a given name and on a family name, from how often each
 * comparable name (the form the comparison reads, the same across scripts) occurs among the
 * register's names, the values held once left out (no pair can agree on them but a person with
 * itself); on the birth date, from how many persons were born on that date (or in that month or
 * year, for a date known only so far). A compatible date (one side knowing only the year or month)
 * is weighed as agreement on the part both know, with the m of the same date: records of one person
 * agree on what both know of the date as often as on the whole of it. Null when the register holds
 * too few names.
 */
export async function registerValueWeights(
  tx: Queryable,
  model: FellegiSunterModel,
  weights: number[][],
  options: ValueWeightOptions = {},
): Promise<ValueAgreementWeights | null> {
  const [totals] = await queryRows<{ given: number; family: number }>(
    tx,
    sql`select (count(*) filter (where given_comparable <> ''))::int as given,
      (count(*) filter (where family_comparable <> ''))::int as family from people_names`,
  );
  const minimum = options.minimumNames ?? 1000;
  if (!totals || totals.given < minimum || totals.family < minimum) return null;
  const rows = await queryRows<{ field: "g" | "f"; value: string; count: number }>(
    tx,
    sql`select 'g' as field, given_comparable as value, count(*)::int as count from people_names
        where given_comparable <> '' group by given_comparable having count(*) > 1
      union all
      select 'f', family_comparable, count(*)::int from people_names
        where family_comparable <> '' group by family_comparable having count(*) > 1`,
  );
  const given = new Map<string, number>();
  const family = new Map<string, number>();
  for (const row of rows) (row.field === "g" ? given : family).set(row.value, row.count);
  const weightsOf = (field: number, counts: Map<string, number>, total: number) =>
    new ValueWeights(
      counts,
      total,
      model.m[field]?.[EQUAL] ?? 1,
      weights[field]?.[EQUAL] ?? 0,
      options.bounds,
    );
  const dates = await birthDateCounts(tx);
  const sameDate = model.m[DATE]?.[DATE_EXACT] ?? 1;
  const dateWeights = (level: number) =>
    new ValueWeights(
      dates.counts,
      Math.max(1, dates.total),
      sameDate,
      weights[DATE]?.[level] ?? 0,
      options.bounds,
    );
  return {
    given: weightsOf(GIVEN, given, totals.given),
    family: weightsOf(FAMILY, family, totals.family),
    birthDate: { same: dateWeights(DATE_EXACT), compatible: dateWeights(DATE_PARTIAL) },
  };
}
