import type { Cell, SheetData } from "write-excel-file/node";
import type { OfficialTable } from "../tables/official-table.js";
import type { ExportTexts } from "./export-texts.js";
import { labelledRows } from "./labelled-rows.js";

/** The header is the fourth row: title, note, a blank spacer, then the column headings. */
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
  // Loaded on the first spreadsheet: most requests never need it.
  const { default: writeExcelFile } = await import("write-excel-file/node");

  const data: SheetData = [
    [{ value: table.title, fontWeight: "bold", fontSize: 14 }],
    [noteOf(table, texts)],
    [],
    head.map((heading): Cell => ({ value: heading, fontWeight: "bold" })),
    ...rows.map((row): Cell[] => [
      ...row.texts,
      row.value === null
        ? null
        : { value: row.value, type: Number, ...(Number.isInteger(row.value) ? { format: "#,##0" } : {}) },
      row.flag,
    ]),
  ];

  const columns = head.map((heading, index) => {
    const widest = rows.reduce((max, row) => {
      const cell =
        index < row.texts.length ? row.texts[index] : index === row.texts.length ? row.value : row.flag;
      return Math.max(max, String(cell ?? "").length);
    }, heading.length);
    return { width: Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, widest + 2)) };
  });

  return writeExcelFile(data, {
    sheet: sheetNameOf(table.period),
    columns,
    stickyRowsCount: HEADER_ROW,
  }).toBuffer();
}
