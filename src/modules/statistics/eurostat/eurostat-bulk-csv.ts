import { CsvFormatError, type CsvRecord, parseCsvRecords } from "./csv-records.js";
import type { SdmxObservation } from "./sdmx-csv.js";

/**
 * Readers for the two non-SDMX shapes of Eurostat downloads we hold, mapped to the same observation
 * shape as SDMX-CSV so the statistics code has one input model:
 *
 * - the bulk "long" CSV (`freq,citizen,...,TIME_PERIOD,values`) with coded dimensions, where annual
 *   periods appear as `YYYY-01-01` (the date-typed form produced by common download tools);
 * - the older labelled extract from the Eurostat data explorer (`"TIME","GEO",...,"Value",
 *   "Flag and Footnotes"`), with label text instead of codes, thousands separators in values and
 *   `:` for "not available".
 */
export interface EurostatTable {
  /** Dimension column names in file order (period and value columns excluded). */
  dimensions: string[];
  observations: SdmxObservation[];
}

export class EurostatCsvError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(line === undefined ? message : `Eurostat CSV line ${line}: ${message}`);
    this.name = "EurostatCsvError";
  }
}

function records(text: string): CsvRecord[] {
  try {
    return parseCsvRecords(text);
  } catch (error) {
    if (error instanceof CsvFormatError) {
      throw new EurostatCsvError(error.message.replace(/^line \d+: /, ""), error.line);
    }
    throw error;
  }
}

function column(header: CsvRecord, name: string): number {
  const index = header.fields.indexOf(name);
  if (index < 0) throw new EurostatCsvError(`header has no ${name} column`, header.line);
  return index;
}

function table(
  text: string,
  periodColumn: string,
  valueColumn: string,
  flagColumn: string | null,
  parse: (raw: string, line: number) => { value: number | null; flag: string },
  period: (raw: string, key: Record<string, string>) => string,
): EurostatTable {
  const all = records(text);
  const header = all[0];
  if (header === undefined) throw new EurostatCsvError("empty input: no header line");
  const periodIndex = column(header, periodColumn);
  const valueIndex = column(header, valueColumn);
  const flagIndex = flagColumn === null ? -1 : column(header, flagColumn);
  const dimensionIndexes = header.fields
    .map((_, i) => i)
    .filter((i) => i !== periodIndex && i !== valueIndex && i !== flagIndex);
  const dimensions = dimensionIndexes.map((i) => header.fields[i] ?? "");
  const observations: SdmxObservation[] = [];
  for (const { fields, line } of all.slice(1)) {
    if (fields.length !== header.fields.length) {
      throw new EurostatCsvError(`expected ${header.fields.length} fields, found ${fields.length}`, line);
    }
    const key: Record<string, string> = {};
    dimensionIndexes.forEach((fieldIndex, d) => {
      key[dimensions[d] ?? ""] = fields[fieldIndex] ?? "";
    });
    const parsed = parse(fields[valueIndex] ?? "", line);
    const flag = flagIndex < 0 ? parsed.flag : (fields[flagIndex] ?? "").trim();
    observations.push({ key, period: period(fields[periodIndex] ?? "", key), value: parsed.value, flag });
  }
  return { dimensions, observations };
}

/** Value, optionally followed by flags as in Eurostat's TSV convention (`1234 p`, `: c`). */
const BULK_VALUE = /^(?:(-?\d+(?:\.\d+)?|:)(?:\s+([a-z]+))?)?$/;

/**
 * Bulk long-format CSV. Annual periods written as `YYYY-01-01` are normalised to `YYYY`, the
 * SDMX TIME_PERIOD for annual data, so they join with SDMX-CSV readings of the same dataflow.
 */
export function readEurostatBulkCsv(text: string): EurostatTable {
  return table(
    text,
    "TIME_PERIOD",
    "values",
    null,
    (raw, line) => {
      const match = BULK_VALUE.exec(raw.trim());
      if (!match) throw new EurostatCsvError(`value ${JSON.stringify(raw)} is not a number`, line);
      const number = match[1];
      return { value: number === undefined || number === ":" ? null : Number(number), flag: match[2] ?? "" };
    },
    (raw, key) => {
      const annual = /^(\d{4})-01-01$/.exec(raw);
      return key.freq === "A" && annual ? (annual[1] ?? raw) : raw;
    },
  );
}

const LABELLED_VALUE = /^\d{1,3}(?:,\d{3})*(?:\.\d+)?$|^\d+(?:\.\d+)?$/;

/**
 * Labelled data-explorer extract. Commas in values are thousands separators (English locale
 * export), never decimal marks; `:` means not available and becomes null.
 */
export function readEurostatLabelledCsv(text: string): EurostatTable {
  return table(
    text,
    "TIME",
    "Value",
    "Flag and Footnotes",
    (raw, line) => {
      const trimmed = raw.trim();
      if (trimmed === ":" || trimmed === "") return { value: null, flag: "" };
      if (!LABELLED_VALUE.test(trimmed))
        throw new EurostatCsvError(`value ${JSON.stringify(raw)} is not a number`, line);
      return { value: Number(trimmed.replaceAll(",", "")), flag: "" };
    },
    (raw) => raw,
  );
}
