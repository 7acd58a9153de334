import { csvLine, restoreCsvText } from "../../../platform/csv/index.js";
import { CsvFormatError, parseCsvRecords } from "./csv-records.js";

/**
 * SDMX-CSV as Eurostat's dissemination API emits it. Both versions are in circulation: the API
 * answers `format=SDMX-CSV` (1.0) by default and 2.0 on request, and archived downloads exist in
 * both. 1.0 names the dataflow in a `DATAFLOW` column; 2.0 generalises that into
 * `STRUCTURE` (kind of artefact) + `STRUCTURE_ID` + `ACTION` (I = information/insert), so a 2.0
 * file can in principle describe updates. We only produce and accept plain observation data.
 */
export type SdmxCsvVersion = "1.0" | "2.0";

export interface SdmxObservation {
  /** Dimension id → code, for every dimension of the dataset (TIME_PERIOD excluded). */
  key: Record<string, string>;
  period: string;
  /** null when the cell is empty or `:` (Eurostat's "not available"); the reason is in `flag`. */
  value: number | null;
  /** Eurostat observation flag (e.g. `c` confidential, `p` provisional, `e` estimated); "" if none. */
  flag: string;
}

export interface SdmxDataset {
  version: SdmxCsvVersion;
  /** Full dataflow reference, e.g. `ESTAT:MIGR_ASYAPPCTZM(1.0)`. */
  dataflow: string;
  /** Dimension ids in column order. */
  dimensions: string[];
  observations: SdmxObservation[];
}

const RESERVED = new Set([
  "DATAFLOW",
  "STRUCTURE",
  "STRUCTURE_ID",
  "ACTION",
  "TIME_PERIOD",
  "OBS_VALUE",
  "OBS_FLAG",
]);

export class SdmxCsvError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(line === undefined ? message : `SDMX-CSV line ${line}: ${message}`);
    this.name = "SdmxCsvError";
  }
}

const NUMBER_PATTERN = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

function checkedValue(value: number | null): number | null {
  if (value !== null && !Number.isFinite(value))
    throw new SdmxCsvError(`observation value must be finite, got ${value}`);
  return value;
}

function validateShape(dataset: SdmxDataset): void {
  if (dataset.dataflow.length === 0) throw new SdmxCsvError("dataflow must not be empty");
  const seen = new Set<string>();
  for (const dim of dataset.dimensions) {
    if (dim.length === 0) throw new SdmxCsvError("dimension id must not be empty");
    if (RESERVED.has(dim)) throw new SdmxCsvError(`dimension id ${dim} clashes with an SDMX-CSV column`);
    if (seen.has(dim)) throw new SdmxCsvError(`duplicate dimension id ${dim}`);
    seen.add(dim);
  }
}

/**
 * Writes observations in the given dimension order with `\n` line ends. Missing values are written
 * as an empty OBS_VALUE (never `:`), so confidentiality/availability lives only in OBS_FLAG.
 */
export function writeSdmxCsv(dataset: SdmxDataset): string {
  validateShape(dataset);
  const prefixHeader = dataset.version === "1.0" ? ["DATAFLOW"] : ["STRUCTURE", "STRUCTURE_ID", "ACTION"];
  const prefixRow = dataset.version === "1.0" ? [dataset.dataflow] : ["dataflow", dataset.dataflow, "I"];
  // Codes and labels are text (a code list entry may start with "-" or "="), values are numbers.
  const lines = [
    csvLine([...prefixHeader, ...dataset.dimensions, "TIME_PERIOD", "OBS_VALUE", "OBS_FLAG"], "\n"),
  ];
  dataset.observations.forEach((obs, index) => {
    const codes = dataset.dimensions.map((dim) => {
      const code = obs.key[dim];
      if (code === undefined)
        throw new SdmxCsvError(`observation ${index} has no value for dimension ${dim}`);
      return code;
    });
    lines.push(csvLine([...prefixRow, ...codes, obs.period, checkedValue(obs.value), obs.flag], "\n"));
  });
  return lines.join("");
}

function parseValue(raw: string, line: number): number | null {
  const trimmed = raw.trim();
  if (trimmed === "" || trimmed === ":") return null;
  if (!NUMBER_PATTERN.test(trimmed))
    throw new SdmxCsvError(`OBS_VALUE ${JSON.stringify(raw)} is not a number`, line);
  return Number(trimmed);
}

/**
 * Reads SDMX-CSV 1.0 or 2.0, telling them apart by the first header column. Columns after OBS_VALUE
 * other than OBS_FLAG (e.g. CONF_STATUS in some 2.0 exports) are ignored; all rows must name the
 * same dataflow because the result models one dataset.
 */
export function readSdmxCsv(text: string): SdmxDataset {
  let records: ReturnType<typeof parseCsvRecords>;
  try {
    // Text a spreadsheet would run as a formula was written with a protective apostrophe.
    records = parseCsvRecords(text).map((record) => ({
      ...record,
      fields: record.fields.map(restoreCsvText),
    }));
  } catch (error) {
    if (error instanceof CsvFormatError)
      throw new SdmxCsvError(error.message.replace(/^line \d+: /, ""), error.line);
    throw error;
  }
  const header = records[0];
  if (header === undefined) throw new SdmxCsvError("empty input: no header line");
  const columns = header.fields;
  let version: SdmxCsvVersion;
  let prefixLength: number;
  if (columns[0] === "DATAFLOW") {
    version = "1.0";
    prefixLength = 1;
  } else if (columns[0] === "STRUCTURE" && columns[1] === "STRUCTURE_ID" && columns[2] === "ACTION") {
    version = "2.0";
    prefixLength = 3;
  } else {
    throw new SdmxCsvError(
      "header must start with DATAFLOW (SDMX-CSV 1.0) or STRUCTURE,STRUCTURE_ID,ACTION (SDMX-CSV 2.0)",
      header.line,
    );
  }
  const timeIndex = columns.indexOf("TIME_PERIOD");
  const valueIndex = columns.indexOf("OBS_VALUE");
  const flagIndex = columns.indexOf("OBS_FLAG");
  if (timeIndex < 0) throw new SdmxCsvError("header has no TIME_PERIOD column", header.line);
  if (valueIndex !== timeIndex + 1) throw new SdmxCsvError("OBS_VALUE must follow TIME_PERIOD", header.line);
  const dimensions = columns.slice(prefixLength, timeIndex);
  for (const dim of dimensions) {
    if (dim === "" || RESERVED.has(dim))
      throw new SdmxCsvError(`invalid dimension column ${JSON.stringify(dim)}`, header.line);
  }
  if (new Set(dimensions).size !== dimensions.length)
    throw new SdmxCsvError("duplicate dimension column", header.line);

  let dataflow: string | undefined;
  const observations: SdmxObservation[] = [];
  for (const record of records.slice(1)) {
    const { fields, line } = record;
    if (fields.length !== columns.length) {
      throw new SdmxCsvError(`expected ${columns.length} fields, found ${fields.length}`, line);
    }
    let rowFlow: string;
    if (version === "1.0") {
      rowFlow = fields[0] ?? "";
    } else {
      if (fields[0] !== "dataflow")
        throw new SdmxCsvError(`STRUCTURE must be "dataflow", got ${JSON.stringify(fields[0])}`, line);
      if (fields[2] !== "I")
        throw new SdmxCsvError(`ACTION must be "I", got ${JSON.stringify(fields[2])}`, line);
      rowFlow = fields[1] ?? "";
    }
    if (rowFlow === "") throw new SdmxCsvError("empty dataflow reference", line);
    if (dataflow === undefined) dataflow = rowFlow;
    else if (rowFlow !== dataflow)
      throw new SdmxCsvError(`dataflow ${rowFlow} differs from ${dataflow}`, line);
    const key: Record<string, string> = {};
    dimensions.forEach((dim, i) => {
      key[dim] = fields[prefixLength + i] ?? "";
    });
    observations.push({
      key,
      period: fields[timeIndex] ?? "",
      value: parseValue(fields[valueIndex] ?? "", line),
      flag: flagIndex < 0 ? "" : (fields[flagIndex] ?? ""),
    });
  }
  if (dataflow === undefined)
    throw new SdmxCsvError("no observation rows, so the dataflow is unknown", header.line);
  return { version, dataflow, dimensions, observations };
}
