import type { Queryable } from "../../../platform/db/index.js";
import { countryName, regionName } from "../../../platform/reference/index.js";
import { countChangedCases } from "../../cases/index.js";
import { isoFromEurostat } from "../eurostat/citizenship-codes.js";
import { computeExactTable } from "./compute-official-table.js";
import type { OfficialTable } from "./official-table.js";
import { protectOfficialTable } from "./protect-official-table.js";
import type { TableDefinition } from "./table-definitions.js";
import { type ValidationCheck, validateTable } from "./validate-table.js";

export type Translate = (key: string) => string;

export interface OfficialTableResult {
  table: OfficialTable;
  validation: ValidationCheck[];
}

/** A code of a table's dimension in the reader's language (a country, a region, a case type), or the code itself. */
export function codeLabel(dimension: string, code: string, locale: string, t: Translate): string {
  if (dimension === "citizen") {
    const iso = isoFromEurostat(code);
    if (iso) return countryName(iso, locale);
  }
  if (dimension === "case_type" && code !== "TOTAL") {
    const label = t(`statistics.caseTypes.${code}`);
    return label.startsWith("statistics.") ? code : label;
  }
  if (dimension === "region" && code !== "TOTAL" && code !== "UNK") return regionName(code, locale);
  const label = t(`statistics.codes.${code}`);
  return label.startsWith("statistics.") ? code : label;
}

/**
 * An official table for a period, exact for staff or protected for the public, with its labels in
 * the reader's language and the validation report.
 */
export async function officialTable(
  db: Queryable,
  definition: TableDefinition,
  period: string,
  options: { audience: "internal" | "public"; locale: string; t: Translate; today: string },
): Promise<OfficialTableResult> {
  const exact = await computeExactTable(db, definition, period);
  const validation = validateTable(definition, exact.observations, {
    lastMonth: exact.months.at(-1) as string,
    currentMonth: options.today.slice(0, 7),
    waitingChanges: await countChangedCases(db),
  });
  const observations = options.audience === "public" ? protectOfficialTable(exact) : exact.observations;
  const codes: Record<string, Record<string, string>> = {};
  for (const dimension of definition.dimensions) {
    const labels: Record<string, string> = {};
    for (const observation of observations) {
      const code = observation.key[dimension.id] as string;
      labels[code] ??= codeLabel(dimension.id, code, options.locale, options.t);
    }
    codes[dimension.id] = labels;
  }
  return {
    table: {
      code: definition.code,
      dataflow: definition.dataflow,
      title: options.t(`statistics.tables.${definition.code}.title`),
      period,
      dimensions: definition.dimensions.map((dimension) => dimension.id),
      labels: {
        dimensions: Object.fromEntries(
          definition.dimensions.map((dimension) => [
            dimension.id,
            options.t(`statistics.dimensions.${dimension.id}`),
          ]),
        ),
        codes,
      },
      unit: "PER",
      observations,
      audience: options.audience,
    },
    validation,
  };
}
