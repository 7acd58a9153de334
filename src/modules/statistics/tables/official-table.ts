import type { SdmxCsvVersion } from "../eurostat/sdmx-csv.js";

/**
 * One official table for one reference period, as computed from the cubes (exact) or prepared for
 * publication (rounded and suppressed). Exports (SDMX-CSV, CSV, XLSX), pages and the open data API
 * all take this one shape.
 */
export interface OfficialTable {
  /** Karvan's table code, e.g. `asylum-applicants-monthly`. */
  code: string;
  /** Eurostat dataflow reference, e.g. `ESTAT:MIGR_ASYAPPCTZM(1.0)`, or `KARVAN:NAT_REG(1.0)`. */
  dataflow: string;
  /** Title in the reader's language. */
  title: string;
  /** SDMX TIME_PERIOD of every observation: `2025-03`, `2025-Q1` or `2025`. */
  period: string;
  /** Dimension ids in column order (TIME_PERIOD excluded), e.g. `["citizen", "sex", "age", "applicant"]`. */
  dimensions: string[];
  /** Labels of dimension ids and codes in the reader's language, for CSV and XLSX headers. */
  labels: { dimensions: Record<string, string>; codes: Record<string, Record<string, string>> };
  unit: string;
  observations: OfficialObservation[];
  /** `internal`: exact figures; `public`: rounded and suppressed as published. */
  audience: "internal" | "public";
}

export interface OfficialObservation {
  /** Dimension id → code, one for every dimension. */
  key: Record<string, string>;
  /** null when hidden (flag `c`). */
  value: number | null;
  /** Eurostat observation flag: "" or `c` (confidential). */
  flag: string;
}

export type ExportFormat = "sdmx-csv-1.0" | "sdmx-csv-2.0" | "csv" | "xlsx";

export function sdmxVersionOf(format: ExportFormat): SdmxCsvVersion | null {
  if (format === "sdmx-csv-1.0") return "1.0";
  if (format === "sdmx-csv-2.0") return "2.0";
  return null;
}
