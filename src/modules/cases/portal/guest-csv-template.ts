import { csvRecord, writeCsv } from "../../../platform/csv/index.js";
import type { CaseTypeDefinition } from "../definition/case-type.js";
import { guestCsvColumns } from "./guest-csv.js";

/**
 * The file a host starts a guest list from: the first line naming every column the upload
 * accepts (the same column list the upload reads, so the two cannot drift apart), in the
 * form's order, and no guest. A UTF-8 byte-order mark makes spreadsheet programs open it as
 * UTF-8, so names in Azerbaijani or Russian letters survive; the upload drops the mark again.
 */
export function guestCsvTemplate(definition: CaseTypeDefinition): string {
  return writeCsv([columnNames(definition)], { byteOrderMark: true });
}

/** The header line: the columns' names, separated by commas. */
export function guestCsvHeader(definition: CaseTypeDefinition): string {
  return csvRecord(columnNames(definition));
}

function columnNames(definition: CaseTypeDefinition): string[] {
  return guestCsvColumns(definition).map((column) => column.name);
}
