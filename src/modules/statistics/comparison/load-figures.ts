import { sql } from "drizzle-orm";
import { type Database, type Queryable, queryRows } from "../../../platform/db/index.js";
import { EurostatCsvError, readEurostatBulkCsv } from "../eurostat/eurostat-bulk-csv.js";
import { readSdmxCsv, SdmxCsvError } from "../eurostat/sdmx-csv.js";
import { type KeyedObservation, yearlyTotals } from "./compare-countries.js";
import type { PopulationTable } from "./population.js";

export const comparisonIndicators = ["asylum_applicants", "first_time_applicants", "population"] as const;
export type ComparisonIndicator = (typeof comparisonIndicators)[number];

/** A file, or what the caller asked of it, that cannot be loaded; nothing has been stored. */
export class FiguresLoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FiguresLoadError";
  }
}

/**
 * What a load takes when the caller names no code for a dimension of the file: the totals of
 * Eurostat's asylum datasets (migr_asyappctza, migr_asyappctzm). Only the dimensions the file has are
 * used, so an SDMX extract that left some dimensions out still loads.
 */
export const defaultSelections: Record<ComparisonIndicator, Readonly<Record<string, string>>> = {
  asylum_applicants: { citizen: "TOTAL", sex: "T", age: "TOTAL", asyl_app: "ASY_APP" },
  first_time_applicants: { citizen: "TOTAL", sex: "T", age: "TOTAL", asyl_app: "NASY_APP" },
  population: { sex: "T", age: "TOTAL", indic_de: "JAN" },
};

export interface FiguresFile {
  /** File name, used as the source when none is given and the file does not name its dataflow. */
  name: string;
  content: string;
}

export interface LoadFiguresOptions {
  country: string;
  indicator: string;
  /** Dimension → code; wins over the default selection. */
  select?: Record<string, string>;
  /** A label for where the figures come from; derived from the file when not given. */
  source?: string;
  at: Date;
}

export interface FiguresLoad {
  source: string;
  country: string;
  indicator: ComparisonIndicator;
  years: Array<{ period: string; value: number | null }>;
}

/** Parses `citizen=TOTAL,sex=T` into a selection. */
export function parseSelection(text: string): Record<string, string> {
  const selection: Record<string, string> = {};
  for (const part of text.split(",")) {
    const match = /^\s*([A-Za-z_][\w-]*)\s*=\s*([^=\s]+)\s*$/.exec(part);
    if (!match?.[1] || !match[2])
      throw new FiguresLoadError(`--select takes dimension=code pairs separated by commas, got "${part}"`);
    selection[match[1]] = match[2];
  }
  return selection;
}

interface ReadFile {
  dimensions: string[];
  observations: KeyedObservation[];
  source: string;
}

function sourceOfDataflow(dataflow: string): string {
  // ESTAT:MIGR_ASYAPPCTZA(1.0) → Eurostat migr_asyappctza
  const match = /^([^:]+):([^(]+)/.exec(dataflow);
  if (!match?.[1] || !match[2]) return dataflow;
  const agency = match[1] === "ESTAT" ? "Eurostat" : match[1];
  return `${agency} ${match[2].toLowerCase()}`;
}

/** Reads SDMX-CSV 1.0 or 2.0, or a Eurostat bulk CSV, telling them apart by the header. */
function readFiguresFile(file: FiguresFile): ReadFile {
  const firstLine = (file.content.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "").trim();
  const firstColumn = firstLine.split(",", 1)[0]?.replace(/"/g, "") ?? "";
  try {
    if (firstColumn === "DATAFLOW" || firstColumn === "STRUCTURE") {
      const dataset = readSdmxCsv(file.content.replace(/^\uFEFF/, ""));
      return {
        dimensions: dataset.dimensions,
        observations: dataset.observations,
        source: sourceOfDataflow(dataset.dataflow),
      };
    }
    const header = firstLine.split(",").map((column) => column.replace(/"/g, ""));
    if (header.includes("TIME_PERIOD") && header.includes("values")) {
      const table = readEurostatBulkCsv(file.content.replace(/^\uFEFF/, ""));
      // Eurostat names its bulk downloads after the dataset (…migr_asyappctza…); otherwise the file name.
      const dataset = /((?:migr|demo|tps)_[a-z0-9]+)/i.exec(file.name)?.[1];
      const source = dataset ? `Eurostat ${dataset.toLowerCase()}` : file.name;
      return { dimensions: table.dimensions, observations: table.observations, source };
    }
  } catch (error) {
    if (error instanceof SdmxCsvError || error instanceof EurostatCsvError)
      throw new FiguresLoadError(`${file.name}: ${error.message}`);
    throw error;
  }
  throw new FiguresLoadError(
    `${file.name}: not SDMX-CSV (header starting DATAFLOW or STRUCTURE) nor a Eurostat bulk CSV (with TIME_PERIOD and values columns)`,
  );
}

/**
 * Works out the yearly figures a file holds for a country and indicator, without storing anything:
 * the default selection narrowed to the file's dimensions, the country when the file has a geo
 * dimension, and the caller's selection on top.
 */
export function figuresOfFile(file: FiguresFile, options: Omit<LoadFiguresOptions, "at">): FiguresLoad {
  const country = options.country.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(country))
    throw new FiguresLoadError(
      `the country is an ISO 3166-1 alpha-2 code such as SE, got "${options.country}"`,
    );
  if (!comparisonIndicators.includes(options.indicator as ComparisonIndicator))
    throw new FiguresLoadError(
      `the indicator is one of ${comparisonIndicators.join(", ")}, got "${options.indicator}"`,
    );
  const indicator = options.indicator as ComparisonIndicator;
  const read = readFiguresFile(file);
  const has = new Set(read.dimensions);
  for (const dimension of Object.keys(options.select ?? {})) {
    if (!has.has(dimension))
      throw new FiguresLoadError(
        `${file.name} has no dimension ${dimension}; its dimensions are ${read.dimensions.join(", ")}`,
      );
  }
  const selection: Record<string, string> = {};
  for (const [dimension, code] of Object.entries(defaultSelections[indicator]))
    if (has.has(dimension)) selection[dimension] = code;
  if (has.has("geo")) selection.geo = country;
  Object.assign(selection, options.select ?? {});
  let years: Array<{ period: string; value: number | null }>;
  try {
    years = yearlyTotals(read.observations, selection);
  } catch (error) {
    if (error instanceof RangeError) throw new FiguresLoadError(`${file.name}: ${error.message}`);
    throw error;
  }
  const described = Object.entries(selection)
    .map(([dimension, code]) => `${dimension}=${code}`)
    .join(",");
  if (years.length === 0)
    throw new FiguresLoadError(`${file.name}: no observation matches the selection ${described}`);
  for (const { period, value } of years) {
    if (value !== null && (!Number.isSafeInteger(value) || value < 0))
      throw new FiguresLoadError(`${file.name}: the figure for ${period} is not a whole count: ${value}`);
  }
  const source = options.source?.trim() || read.source;
  return { source, country, indicator, years };
}

/**
 * Loads another country's yearly figures from a file: all of them, replacing that country's earlier
 * figures of the indicator, or nothing when the file or the selection is wrong.
 */
export async function loadComparisonFigures(
  db: Database,
  file: FiguresFile,
  options: LoadFiguresOptions,
): Promise<FiguresLoad> {
  const load = figuresOfFile(file, options);
  const rows = load.years.map(({ period, value }) => ({
    source: load.source,
    country: load.country,
    indicator: load.indicator,
    period,
    value,
    loaded_at: options.at.toISOString(),
  }));
  await db.transaction(async (tx) => {
    await tx.execute(
      sql`delete from stat_comparison_figures where country = ${load.country} and indicator = ${load.indicator}`,
    );
    await tx.execute(sql`insert into stat_comparison_figures (source, country, indicator, period, value, loaded_at)
      select source, country, indicator, period, value, loaded_at
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as r(source text, country text, indicator text, period text, value bigint, loaded_at timestamptz)`);
  });
  return load;
}

export interface StoredSeries {
  country: string;
  indicator: ComparisonIndicator;
  source: string;
  loadedAt: Date;
  values: Map<string, number | null>;
}

/** Every loaded series, by country, in country order. */
export async function storedFigures(db: Queryable): Promise<StoredSeries[]> {
  const rows = await queryRows<{
    country: string;
    indicator: ComparisonIndicator;
    source: string;
    period: string;
    value: number | string | null;
    loaded_at: string | Date;
  }>(
    db,
    sql`select country, indicator, source, period, value::float8 as value, loaded_at from stat_comparison_figures
        order by country, indicator, period`,
  );
  const series = new Map<string, StoredSeries>();
  for (const row of rows) {
    const key = `${row.country}|${row.indicator}`;
    const one = series.get(key) ?? {
      country: row.country,
      indicator: row.indicator,
      source: row.source,
      loadedAt: new Date(row.loaded_at),
      values: new Map(),
    };
    series.set(key, one);
    one.values.set(row.period, row.value === null ? null : Number(row.value));
  }
  return [...series.values()];
}

/** Loaded population figures as overrides of the built-in table. */
export function populationOverrides(series: readonly StoredSeries[]): PopulationTable {
  const table: Record<string, Record<number, number>> = {};
  for (const one of series) {
    if (one.indicator !== "population") continue;
    const years: Record<number, number> = {};
    for (const [period, value] of one.values) if (value !== null && value > 0) years[Number(period)] = value;
    table[one.country] = years;
  }
  return table;
}
