import { numberFormat } from "../../../platform/locale/index.js";
import { type ChartDataTable, chartDataTable } from "../charts/chart-table.js";
import { labelChartSvg } from "../charts/render-chart.js";
import { cubeChangeToken } from "../cubes/cube-changes.js";
import type { StatisticsModule } from "../web/statistics-module.js";
import { buildDashboard, type DashboardChart, type Translate } from "./build-dashboard.js";
import { type Computed, DashboardCache } from "./dashboard-cache.js";
import type { DashboardFilters } from "./dashboard-filters.js";
import { HeavyQueryGate } from "./heavy-query-gate.js";

/** A chart drawn for the page: the picture and its figures as a table. */
export interface DrawnChart extends DashboardChart {
  svg: string;
  table: ChartDataTable;
}

export interface LoadedDashboard {
  charts: DashboardChart[];
  /** The charts' part of the page, drawn once. */
  html: string;
}

/**
 * Dashboards kept at most. A twelve-year dashboard's page part is about 750 kB; a default two-year
 * one a small part of that.
 */
const MAX_KEPT_DASHBOARDS = 50;
/** Once the cubes have changed, a kept dashboard this old is computed again. */
const REFRESH_AFTER_CHANGE_MS = 60_000;

export interface DashboardLoader {
  /** The heavy computations of the statistics pages take their turn here (the forecast too). */
  gate: HeavyQueryGate;
  /**
   * The dashboard for these filters in the reader's language, and when its figures were read:
   * kept, or computed and drawn (`draw` turns the drawn charts into the page's part).
   */
  load(
    filters: DashboardFilters,
    locale: string,
    t: Translate,
    draw: (charts: DrawnChart[]) => Promise<string>,
  ): Promise<Computed<LoadedDashboard>>;
}

/** One per process: the kept dashboards and the turn-taking of heavy computations. */
export function createDashboardLoader(statistics: StatisticsModule): DashboardLoader {
  const { config } = statistics;
  const gate = new HeavyQueryGate(config.statisticsHeavyQueries, config.statisticsWaitSeconds * 1000);
  const maxAgeMs = config.statisticsCacheSeconds * 1000;
  const cache = new DashboardCache<LoadedDashboard>(
    {
      maxEntries: MAX_KEPT_DASHBOARDS,
      maxAgeMs,
      refreshAfterChangeMs: Math.min(REFRESH_AFTER_CHANGE_MS, maxAgeMs),
      now: () => statistics.clock.now(),
    },
    gate,
  );
  return {
    gate,
    async load(filters, locale, t, draw) {
      const { from, to, caseType, citizen, region } = filters;
      const key = JSON.stringify([locale, from, to, caseType, citizen, region]);
      const token = await cubeChangeToken(statistics.db);
      return cache.get(key, token, async () => {
        const charts = await buildDashboard(statistics.db, filters, t, locale);
        const format = numberFormat(locale);
        // A long period's chart takes a while to draw: the drawing threads do it, off this event loop.
        const drawings = await Promise.all(
          charts.map(async (chart) => ({ chart, svg: await statistics.charts.draw(chart.spec) })),
        );
        const drawn: DrawnChart[] = drawings.map(({ chart, svg }) => ({
          ...chart,
          svg: labelChartSvg(chart.spec, svg),
          table: chartDataTable(chart.spec, (value) => format.format(value)),
        }));
        return { charts, html: await draw(drawn) };
      });
    },
  };
}
