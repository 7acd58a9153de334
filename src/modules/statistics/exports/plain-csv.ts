import { writeCsv } from "../../../platform/csv/index.js";
import type { OfficialTable } from "../tables/official-table.js";
import type { ExportTexts } from "./export-texts.js";
import { labelledRows } from "./labelled-rows.js";

/**
 * CSV for people who open it in a spreadsheet. The byte-order mark makes Excel read UTF-8 instead of
 * the local code page (labels carry accents), and CRLF is what RFC 4180 and Excel expect. Values stay
 * unformatted so they parse as numbers in every locale.
 */
export function writePlainCsv(table: OfficialTable, texts: ExportTexts): string {
  const { head, rows } = labelledRows(table, texts);
  return writeCsv([head, ...rows.map((row) => [...row.texts, row.value, row.flag])], { byteOrderMark: true });
}
