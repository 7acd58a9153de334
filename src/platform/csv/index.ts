export type { CsvCell, CsvOptions } from "./csv-writer.js";
export { csvLine, csvRecord, restoreCsvText, writeCsv } from "./csv-writer.js";
