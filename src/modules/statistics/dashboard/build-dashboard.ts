import type { Queryable } from "../../../platform/db/index.js";
import { isRegionCode, regionName } from "../../../platform/reference/index.js";
import type { ChartSpec } from "../charts/chart-spec.js";
import type { CubeTable } from "../cubes/cube-cell.js";
import { monthlySeries } from "../cubes/cube-repository.js";
import { type DashboardFilters, monthsBetween } from "./dashboard-filters.js";
import { UNKNOWN_REGION } from "./filter-options.js";

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface DashboardChart {
  id: string;
  spec: ChartSpec;
  /** A figure worth saying in words beside the chart. */
  summary?: string;
}

type Split = "d1" | "d2" | "d3" | "citizen";

interface SeriesQuery {
  cube: CubeTable;
  filter: Partial<Record<"citizen" | "d1" | "d2" | "d3", string>>;
  split: Split;
  /** Stocks are summed from the first month on record. */
  stock?: boolean;
}

async function seriesBy(
  db: Queryable,
  query: SeriesQuery,
  months: string[],
): Promise<Map<string, Array<{ n: number; total: number }>>> {
  const from = query.stock ? "0000-01" : (months[0] as string);
  const rows = await monthlySeries(
    db,
    query.cube,
    { from, to: months.at(-1) as string },
    query.filter,
    query.split,
  );
  const bySplit = new Map<string, Array<{ n: number; total: number }>>();
  const index = new Map(months.map((month, position) => [month, position]));
  const running = new Map<string, { n: number; total: number }>();
  for (const row of rows) {
    const values = bySplit.get(row.split) ?? months.map(() => ({ n: 0, total: 0 }));
    bySplit.set(row.split, values);
    if (query.stock) {
      const sum = running.get(row.split) ?? { n: 0, total: 0 };
      sum.n += row.n;
      sum.total += row.total;
      running.set(row.split, sum);
      // A stock carries forward to later months until it changes again.
      const position = row.period < (months[0] as string) ? 0 : index.get(row.period);
      if (position === undefined) continue;
      for (let at = position; at < months.length; at++) values[at] = { ...sum };
    } else {
      const position = index.get(row.period);
      if (position !== undefined) values[position] = { n: row.n, total: row.total };
    }
  }
  return bySplit;
}

function filterOf(
  filters: DashboardFilters,
  columns: Partial<Record<"caseType" | "region", "d1" | "d2" | "d3">>,
) {
  const filter: Partial<Record<"citizen" | "d1" | "d2" | "d3", string>> = {};
  if (filters.citizen) filter.citizen = filters.citizen;
  if (filters.caseType && columns.caseType) filter[columns.caseType] = filters.caseType;
  if (filters.region && columns.region) filter[columns.region] = filters.region;
  return filter;
}

function label(t: Translate, prefix: string, code: string): string {
  const text = t(`${prefix}.${code}`);
  return text.startsWith(prefix) ? code : text;
}

/**
 * Registrations summed by region code. A region that is not on the code list (free text typed
 * before the form offered a list) is not a category of its own: it counts as unknown.
 */
export function registrationsByRegion(
  bySplit: Map<string, Array<{ n: number }>>,
): Array<{ code: string; n: number }> {
  const sums = new Map<string, number>();
  for (const [code, series] of bySplit) {
    const key = isRegionCode(code) ? code : UNKNOWN_REGION;
    sums.set(key, (sums.get(key) ?? 0) + series.reduce((sum, value) => sum + value.n, 0));
  }
  return [...sums].map(([code, n]) => ({ code, n }));
}

/**
 * The analysts' and managers' dashboard for the chosen filters, from the cubes: applications and
 * decisions over time, asylum recognition rate, processing within the legal time, the backlog and
 * its age, registrations by region, and detention occupancy once detention is recorded.
 */
export async function buildDashboard(
  db: Queryable,
  filters: DashboardFilters,
  t: Translate,
  locale: string,
): Promise<DashboardChart[]> {
  const months = monthsBetween(filters.from, filters.to);
  const context: ChartContext = {
    db,
    filters,
    t,
    locale,
    months,
    categoryLabel: t("statistics.dashboard.month"),
  };
  const charts: DashboardChart[] = [];
  // One query at a time: the heavy-query gate counts a dashboard as one computation on the database.
  for (const chart of dashboardCharts) {
    const built = await chart(context);
    if (built) charts.push(built);
  }
  return charts;
}

interface ChartContext {
  db: Queryable;
  filters: DashboardFilters;
  t: Translate;
  locale: string;
  months: string[];
  categoryLabel: string;
}

type Series = Map<string, Array<{ n: number; total: number }>>;

/** A chart of the dashboard; undefined when there is nothing to draw yet. */
type ChartBuilder = (context: ChartContext) => Promise<DashboardChart | undefined>;

/** One series per code, named from `prefix`'s translations. */
function seriesPerCode(context: ChartContext, values: Series, prefix: string): ChartSpec["series"] {
  return [...values.entries()].map(([code, series]) => ({
    name: label(context.t, prefix, code),
    values: series.map((v) => v.n),
  }));
}

/** Per month, the sum of `field` over every series. */
function monthlyTotals(months: string[], values: Series, field: "n" | "total"): number[] {
  const all = [...values.values()];
  return months.map((_, at) => all.reduce((sum, series) => sum + (series[at]?.[field] ?? 0), 0));
}

/** `part` of `whole` per month, rounded to a tenth (× `scale`); null where `whole` is nothing. */
function ratios(months: string[], part: number[], whole: number[], scale: number): Array<number | null> {
  return months.map((_, at) =>
    (whole[at] ?? 0) > 0 ? Math.round((scale * (part[at] ?? 0)) / (whole[at] ?? 1)) / 10 : null,
  );
}

const applicationsChart: ChartBuilder = async (context) => {
  const { db, filters, t, months, categoryLabel } = context;
  const applications = await seriesBy(
    db,
    { cube: "applications", filter: filterOf(filters, { caseType: "d1", region: "d2" }), split: "d1" },
    months,
  );
  return {
    id: "applications",
    spec: {
      kind: "stacked-bar",
      title: t("statistics.dashboard.charts.applications"),
      categories: months,
      categoryLabel,
      series: seriesPerCode(context, applications, "statistics.caseTypes"),
    },
  };
};

const decisionsChart: ChartBuilder = async (context) => {
  const { db, filters, t, months, categoryLabel } = context;
  const decisions = await seriesBy(
    db,
    { cube: "decisions", filter: filterOf(filters, { caseType: "d1", region: "d3" }), split: "d2" },
    months,
  );
  return {
    id: "decisions",
    spec: {
      kind: "stacked-bar",
      title: t("statistics.dashboard.charts.decisions"),
      categories: months,
      categoryLabel,
      series: seriesPerCode(context, decisions, "statistics.codes"),
    },
  };
};

const recognitionRateChart: ChartBuilder = async ({ db, filters, t, months, categoryLabel }) => {
  const asylum = await seriesBy(
    db,
    { cube: "asylum_decisions_first", filter: filterOf(filters, {}), split: "d1" },
    months,
  );
  if (asylum.size === 0) return undefined;
  const positive = months.map((_, at) =>
    ["GENCONV", "SUB_PROT", "HUMSTAT"].reduce((sum, code) => sum + (asylum.get(code)?.[at]?.n ?? 0), 0),
  );
  return {
    id: "recognition-rate",
    spec: {
      kind: "line",
      title: t("statistics.dashboard.charts.recognitionRate"),
      categories: months,
      categoryLabel,
      yAxisLabel: "%",
      series: [
        {
          name: t("statistics.dashboard.series.recognitionRate"),
          values: ratios(months, positive, monthlyTotals(months, asylum, "n"), 1000),
        },
      ],
    },
  };
};

const processingChart: ChartBuilder = async ({ db, filters, t, months, categoryLabel }) => {
  const processing = await seriesBy(
    db,
    { cube: "processing", filter: filterOf(filters, { caseType: "d1" }), split: "d2" },
    months,
  );
  const within = (processing.get("WITHIN") ?? []).map((value) => value.n);
  const late = processing.get("LATE") ?? [];
  const decided = months.map((_, at) => (within[at] ?? 0) + (late[at]?.n ?? 0));
  return {
    id: "processing",
    spec: {
      kind: "line",
      title: t("statistics.dashboard.charts.processing"),
      categories: months,
      categoryLabel,
      series: [
        {
          name: t("statistics.dashboard.series.withinLegalTime"),
          values: ratios(months, within, decided, 1000),
        },
        {
          name: t("statistics.dashboard.series.meanDays"),
          values: ratios(
            months,
            monthlyTotals(months, processing, "total"),
            monthlyTotals(months, processing, "n"),
            10,
          ),
        },
      ],
    },
  };
};

/** The backlog's age bands, youngest first. */
const ageOrder = ["M_LT1", "M1-2", "M3-5", "M6-11", "M_GE12"];

const backlogChart: ChartBuilder = async ({ db, filters, t, months, categoryLabel }) => {
  const backlog = await seriesBy(
    db,
    { cube: "backlog_stock", filter: filterOf(filters, { caseType: "d1" }), split: "d2", stock: true },
    months,
  );
  return {
    id: "backlog",
    spec: {
      kind: "stacked-bar",
      title: t("statistics.dashboard.charts.backlog"),
      categories: months,
      categoryLabel,
      series: ageOrder
        .filter((code) => backlog.has(code))
        .map((code) => ({
          name: label(t, "statistics.codes", code),
          values: (backlog.get(code) ?? []).map((v) => v.n),
        })),
    },
  };
};

const registrationsByRegionChart: ChartBuilder = async ({ db, filters, t, locale, months }) => {
  const registrations = await seriesBy(
    db,
    { cube: "registrations", filter: filterOf(filters, { region: "d1" }), split: "d1" },
    months,
  );
  const regions = registrationsByRegion(registrations)
    .map((region) => ({
      ...region,
      name:
        region.code === UNKNOWN_REGION
          ? t("statistics.dashboard.unknownRegion")
          : regionName(region.code, locale),
    }))
    .sort((a, b) => b.n - a.n || a.name.localeCompare(b.name, locale));
  return {
    id: "registrations-by-region",
    spec: {
      kind: "bar",
      horizontal: true,
      title: t("statistics.dashboard.charts.registrationsByRegion"),
      categories: regions.map((region) => region.name),
      categoryLabel: t("statistics.dimensions.region"),
      series: [
        { name: t("statistics.dashboard.series.registrations"), values: regions.map((region) => region.n) },
      ],
    },
  };
};

const detentionChart: ChartBuilder = async ({ db, filters, t, months, categoryLabel }) => {
  const detention = await seriesBy(
    db,
    { cube: "detention_stock", filter: filterOf(filters, { region: "d1" }), split: "citizen", stock: true },
    months,
  );
  if (detention.size === 0) return undefined;
  return {
    id: "detention",
    spec: {
      kind: "line",
      title: t("statistics.dashboard.charts.detention"),
      categories: months,
      categoryLabel,
      series: [
        { name: t("statistics.dashboard.series.detained"), values: monthlyTotals(months, detention, "n") },
      ],
    },
  };
};

/** The dashboard's charts in the order they are shown. */
const dashboardCharts: ChartBuilder[] = [
  applicationsChart,
  decisionsChart,
  recognitionRateChart,
  processingChart,
  backlogChart,
  registrationsByRegionChart,
  detentionChart,
];
