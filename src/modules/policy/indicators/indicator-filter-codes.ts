import type { Queryable } from "../../../platform/db/index.js";
import { DomainError } from "../../../platform/errors/index.js";
import {
  type CubeFilterColumn,
  cubeColumnCodes,
  cubeColumns,
  cubeTables,
  type SeriesRef,
} from "../../statistics/index.js";

type Cube = keyof typeof cubeTables;

/** The cube a series names: `processing` for both `processing` and `processing.total`. */
export function cubeOfSeries(series: string): Cube | null {
  const cube = series.split(".")[0] ?? "";
  return cube in cubeTables ? (cube as Cube) : null;
}

/** What a column of a cube holds: "citizen", "caseType", "region", "timeliness" … */
export function columnMeaning(cube: Cube, column: CubeFilterColumn): string {
  if (column === "citizen") return "citizen";
  const meanings: Partial<Record<string, string>> = cubeTables[cube];
  return meanings[column] ?? column;
}

export interface FilterColumnCodes {
  column: CubeFilterColumn;
  meaning: string;
  codes: string[];
}

/** The columns a series may be narrowed by, each with the codes the statistics know for it. */
export async function filterColumnCodes(db: Queryable, series: string): Promise<FilterColumnCodes[] | null> {
  const cube = cubeOfSeries(series);
  if (!cube) return null;
  const codes = await cubeColumnCodes(db, cube);
  return cubeColumns(cube).map((column) => ({
    column,
    meaning: columnMeaning(cube, column),
    codes: codes[column] ?? [],
  }));
}

/** How many known codes a refusal lists: a citizenship column may know two hundred. */
const codesNamed = 15;

function unknownCode(field: string, values: Record<string, string>, messageKey: string): DomainError {
  return new DomainError(
    "policy_indicator_filter_unknown_code",
    422,
    `policyIndicators.errors.${messageKey}`,
    { field, ...values },
    values,
  );
}

/**
 * A filter's codes must be codes the statistics know for the cube's column, or the series would
 * count nothing for good: a mistyped `WITHN` is refused (422) at the field that names it. A column
 * of which nothing is known yet (an empty cube's citizenship) cannot be checked and is let through.
 */
export async function checkFilterCodes(
  db: Queryable,
  refs: Array<{ field: string; ref: SeriesRef | null }>,
): Promise<void> {
  for (const { field, ref } of refs) {
    if (!ref?.filter) continue;
    const columns = await filterColumnCodes(db, ref.series);
    if (!columns) continue;
    for (const [column, value] of Object.entries(ref.filter)) {
      const known = columns.find((one) => one.column === column);
      if (!known) throw unknownCode(field, { series: ref.series, column }, "filterUnknownColumn");
      if (known.codes.length === 0) continue;
      const wrong = value.split("|").find((code) => code !== "" && !known.codes.includes(code));
      if (wrong === undefined) continue;
      const named = known.codes.slice(0, codesNamed).join(", ");
      throw unknownCode(
        field,
        {
          series: ref.series,
          column,
          code: wrong,
          known: known.codes.length > codesNamed ? `${named} …` : named,
        },
        "filterUnknownCode",
      );
    }
  }
}
