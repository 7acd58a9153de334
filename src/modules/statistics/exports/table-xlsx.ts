import type { OfficialTable } from "../tables/official-table.js";
import type { ExportTexts } from "./export-texts.js";
import { labelledRows } from "./labelled-rows.js";

const TITLE_ROW = 1;
const NOTE_ROW = 2;
const HEADER_ROW = 4;
const MIN_COLUMN_WIDTH = 8;
const MAX_COLUMN_WIDTH = 60;

/** Excel refuses sheet names longer than 31 characters or containing any of `[]:*?/\`. */
function sheetNameOf(period: string): string {
  const cleaned = period.replace(/[[\]:*?/\\]/g, "-").slice(0, 31);
  return cleaned === "" ? "Data" : cleaned;
}

function noteOf(table: OfficialTable, texts: ExportTexts): string {
  const { notes } = texts;
  const figures =
    table.audience === "internal" ? notes.exact : `${notes.published} c: ${notes.confidential}.`;
  return `${notes.period}: ${table.period}. ${figures}`;
}

/**
 * One sheet: title, a note on the period and on how exact the figures are, a blank spacer, then the
 * same columns as the plain CSV. Values are numeric cells so spreadsheets can sum them; hidden cells
 * stay empty rather than 0 so a sum never silently includes a suppressed count.
 */
export async function writeTableXlsx(table: OfficialTable, texts: ExportTexts): Promise<Buffer> {
  const { head, rows } = labelledRows(table, texts);
  // Loaded on the first spreadsheet: a heavy library most requests never need.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Karvan";
  const sheet = workbook.addWorksheet(sheetNameOf(table.period), {
    views: [{ state: "frozen", ySplit: HEADER_ROW }],
  });

  sheet.getCell(TITLE_ROW, 1).value = table.title;
  sheet.getCell(TITLE_ROW, 1).font = { bold: true, size: 14 };
  sheet.getCell(NOTE_ROW, 1).value = noteOf(table, texts);

  const header = sheet.getRow(HEADER_ROW);
  header.values = head;
  header.font = { bold: true };

  const valueColumn = head.length - 1;
  rows.forEach((row, index) => {
    const sheetRow = sheet.getRow(HEADER_ROW + 1 + index);
    sheetRow.values = [...row.texts, row.value, row.flag];
    if (row.value !== null && Number.isInteger(row.value)) {
      sheetRow.getCell(valueColumn).numFmt = "#,##0";
    }
  });

  head.forEach((heading, index) => {
    const widest = rows.reduce((max, row) => {
      const cell =
        index < row.texts.length ? row.texts[index] : index === row.texts.length ? row.value : row.flag;
      return Math.max(max, String(cell ?? "").length);
    }, heading.length);
    sheet.getColumn(index + 1).width = Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, widest + 2));
  });

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
