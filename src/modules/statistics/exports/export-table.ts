import { writeSdmxCsv } from "../eurostat/sdmx-csv.js";
import { type ExportFormat, type OfficialTable, sdmxVersionOf } from "../tables/official-table.js";
import { type ExportOptions, resolveExportTexts } from "./export-texts.js";
import { writePlainCsv } from "./plain-csv.js";
import { writeTableXlsx } from "./table-xlsx.js";

export interface ExportedFile {
  body: Buffer;
  mediaType: string;
  fileName: string;
}

const XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Names say which SDMX-CSV version a file is, because readers of 1.0 reject 2.0 and vice versa. */
export function exportFileName(table: OfficialTable, format: ExportFormat): string {
  const stem = `${table.code}_${table.period}`;
  switch (format) {
    case "sdmx-csv-1.0":
      return `${stem}_sdmx-1.0.csv`;
    case "sdmx-csv-2.0":
      return `${stem}_sdmx-2.0.csv`;
    case "csv":
      return `${stem}.csv`;
    case "xlsx":
      return `${stem}.xlsx`;
  }
}

export function exportMediaType(format: ExportFormat): string {
  switch (format) {
    case "sdmx-csv-1.0":
      return "application/vnd.sdmx.data+csv; version=1.0.0";
    case "sdmx-csv-2.0":
      return "application/vnd.sdmx.data+csv; version=2.0.0";
    case "csv":
      return "text/csv; charset=utf-8";
    case "xlsx":
      return XLSX_MEDIA_TYPE;
  }
}

async function exportBody(
  table: OfficialTable,
  format: ExportFormat,
  options: ExportOptions,
): Promise<Buffer> {
  const version = sdmxVersionOf(format);
  if (version !== null) {
    // Dimension ids go out as the table has them: Eurostat's SDMX-CSV uses lowercase ids (freq, geo).
    const csv = writeSdmxCsv({
      version,
      dataflow: table.dataflow,
      dimensions: table.dimensions,
      observations: table.observations.map((obs) => ({
        key: obs.key,
        period: table.period,
        value: obs.value,
        flag: obs.flag,
      })),
    });
    return Buffer.from(csv, "utf8");
  }
  const texts = resolveExportTexts(options);
  if (format === "csv") return Buffer.from(writePlainCsv(table, texts), "utf8");
  return writeTableXlsx(table, texts);
}

export async function exportOfficialTable(
  table: OfficialTable,
  format: ExportFormat,
  options: ExportOptions = {},
): Promise<ExportedFile> {
  return {
    body: await exportBody(table, format, options),
    mediaType: exportMediaType(format),
    fileName: exportFileName(table, format),
  };
}
