import type { FastifyReply, FastifyRequest } from "fastify";
import { DomainError, NotFoundError } from "../../../platform/errors/index.js";
import { exportOfficialTable } from "../exports/export-table.js";
import type { ExportOptions } from "../exports/export-texts.js";
import { checkPeriod, PeriodError } from "../tables/compute-official-table.js";
import type { ExportFormat, OfficialTable } from "../tables/official-table.js";
import { officialTable } from "../tables/official-tables.js";
import { type TableDefinition, tableDefinition, tableDefinitions } from "../tables/table-definitions.js";
import type { ValidationCheck } from "../tables/validate-table.js";
import type { StatisticsModule } from "./statistics-module.js";

export const exportFormats: ExportFormat[] = ["sdmx-csv-1.0", "sdmx-csv-2.0", "csv", "xlsx"];

/** The latest period of a table's frequency that has ended: what a page offers first. */
export function latestPeriod(definition: TableDefinition, today: string): string {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  if (definition.frequency === "A") return String(year - 1);
  if (definition.frequency === "Q") {
    const quarter = Math.ceil(month / 3) - 1;
    return quarter === 0 ? `${year - 1}-Q4` : `${year}-Q${quarter}`;
  }
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, "0")}`;
}

export function definitionOf(code: string): TableDefinition {
  const definition = tableDefinition(code);
  if (!definition) throw new NotFoundError("unknown_table");
  return definition;
}

export function periodOf(definition: TableDefinition, query: unknown, today: string): string {
  const asked = (query as { period?: unknown }).period;
  const period =
    typeof asked === "string" && asked.trim() !== "" ? asked.trim() : latestPeriod(definition, today);
  try {
    checkPeriod(definition, period);
  } catch (error) {
    if (error instanceof PeriodError)
      throw new DomainError("invalid_period", 400, "statistics.errors.invalid_period");
    throw error;
  }
  return period;
}

export function exportTextsOf(request: FastifyRequest): ExportOptions {
  const t = request.t;
  return {
    headings: {
      period: t("statistics.export.period"),
      value: t("statistics.export.value"),
      flag: t("statistics.export.flag"),
      code: t("statistics.export.code"),
    },
    notes: {
      period: t("statistics.export.referencePeriod"),
      exact: t("statistics.export.exact"),
      published: t("statistics.export.published"),
      confidential: t("statistics.export.confidential"),
    },
  };
}

export async function tableFor(
  statistics: StatisticsModule,
  request: FastifyRequest,
  audience: "internal" | "public",
) {
  const { code } = request.params as { code: string };
  const definition = definitionOf(code);
  const today = statistics.clock.now().toISOString().slice(0, 10);
  const period = periodOf(definition, request.query, today);
  return officialTable(statistics.db, definition, period, {
    audience,
    locale: request.locale,
    t: (key) => request.t(key),
    today,
  });
}

export async function sendExport(
  reply: FastifyReply,
  request: FastifyRequest,
  table: OfficialTable,
): Promise<FastifyReply> {
  const format = (request.query as { format?: unknown }).format;
  if (!exportFormats.includes(format as ExportFormat))
    throw new DomainError("invalid_format", 400, "statistics.errors.invalid_format");
  const file = await exportOfficialTable(table, format as ExportFormat, exportTextsOf(request));
  return reply
    .header("content-type", file.mediaType)
    .header("content-disposition", `attachment; filename="${file.fileName}"`)
    .send(file.body);
}

/** Rows of a table page: one line per observation, labels in the reader's language. */
export const rowsOnPage = 1000;

export function tableRows(table: OfficialTable) {
  return table.observations.slice(0, rowsOnPage).map((observation) => ({
    cells: table.dimensions.map((dimension) => {
      const code = observation.key[dimension] as string;
      return { code, label: table.labels.codes[dimension]?.[code] ?? code };
    }),
    value: observation.value,
    flag: observation.flag,
  }));
}

export function tableList(request: FastifyRequest, base: string, today: string) {
  const groups = ["asylum", "permits", "enforcement", "national"] as const;
  return groups.map((group) => ({
    title: request.t(`statistics.groups.${group}`),
    tables: tableDefinitions
      .filter((definition) => definition.group === group)
      .map((definition) => ({
        code: definition.code,
        title: request.t(`statistics.tables.${definition.code}.title`),
        frequency: request.t(`statistics.frequency.${definition.frequency}`),
        href: `${base}/${definition.code}?period=${latestPeriod(definition, today)}`,
      })),
  }));
}

/** The download links of a table page, one per export format. */
export function exportLinks(request: FastifyRequest, base: string, table: OfficialTable) {
  return exportFormats.map((format) => ({
    href: `${base}/${table.code}/export?period=${encodeURIComponent(table.period)}&format=${format}`,
    text: request.t(`statistics.formats.${format.replace(".", "_")}`),
  }));
}

/** The validation report in the reader's language. */
export function validationView(request: FastifyRequest, checks: ValidationCheck[]) {
  return checks.map((check) => ({ ...check, label: request.t(`statistics.validation.${check.code}`) }));
}
