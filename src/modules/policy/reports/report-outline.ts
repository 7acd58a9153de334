import {
  type ChartDataTable,
  type ChartSpec,
  chartDataTable,
  renderChartSvg,
} from "../../statistics/index.js";
import {
  type MonitoringReport,
  type ReportAction,
  type ReportIndicator,
  type ReportMeasure,
  type ReportObjective,
  reportSummary,
} from "./monitoring-report.js";
import type { ReportLanguage } from "./report-language.js";

/**
 * A monitoring report laid out once, in the reader's language, as a list of blocks that both the
 * PDF and the DOCX writer turn into their own format: the two documents say the same things in the
 * same order, and each writer only decides how a block looks.
 */
export interface ReportOutline {
  language: string;
  /** "Monitoring report" in the reader's language. */
  kind: string;
  strategyTitle: string;
  edition: string;
  cover: FactRow[];
  contentsHeading: string;
  blocks: ReportBlock[];
  pageLabel(page: number, pages: number): string;
}

export type FactRow = [label: string, value: string];

export type ReportBlock =
  /**
   * `listed` headings are in the PDF's contents and bookmarks (Word's own contents lists every heading
   * of levels 1 and 2); a `newPage` one starts a page.
   */
  | { kind: "heading"; level: 1 | 2 | 3; text: string; listed?: boolean; newPage?: boolean }
  /** A note is a remark about missing content; a label introduces the paragraph after it. */
  | { kind: "paragraph"; text: string; style?: "note" | "label" }
  | { kind: "facts"; rows: FactRow[] }
  | { kind: "table"; head: string[]; rows: string[][]; widths: number[] }
  | { kind: "chart"; svg: string; width: number; height: number; title: string; table: ChartDataTable }
  | { kind: "agencyText"; heading: string; byline: string; text: string };

export function reportOutline(report: MonitoringReport, language: ReportLanguage): ReportOutline {
  const { t } = language;
  const { strategy, period } = report;
  const cover: FactRow[] = [
    ...(strategy.reference ? [[t("policyReports.reference"), strategy.reference] as FactRow] : []),
    ...(strategy.owner ? [[t("policyReports.owner"), strategy.owner] as FactRow] : []),
    [t("policyReports.documentStatus"), t(`policyReports.documentStatuses.${strategy.status}`)],
    [t("policyReports.version"), language.number(strategy.version, 0)],
    [
      t("policyReports.period"),
      `${language.period(period.code)} (${t("policyReports.periodRange", {
        from: language.date(period.from),
        to: language.date(period.to),
      })})`,
    ],
    [t("policyReports.generatedAt"), language.dateTime(report.generatedAt)],
  ];
  const blocks: ReportBlock[] = [
    ...summaryBlocks(report, language),
    ...(report.objectives.length === 0
      ? [{ kind: "paragraph" as const, text: t("policyReports.noObjectives") }]
      : report.objectives.flatMap((objective) => objectiveBlocks(objective, language))),
  ];
  return {
    language: language.locale,
    kind: t("policyReports.title"),
    strategyTitle: strategy.title,
    edition: t(`policyReports.edition.${report.audience}`),
    cover,
    contentsHeading: t("policyReports.contents"),
    blocks,
    pageLabel: (page, pages) => t("policyReports.page", { page, pages }),
  };
}

function summaryBlocks(report: MonitoringReport, language: ReportLanguage): ReportBlock[] {
  const { t } = language;
  const summary = reportSummary(report);
  return [
    { kind: "heading", level: 1, text: t("policyReports.summary.heading"), listed: true },
    {
      kind: "facts",
      rows: [
        [t("policyReports.summary.objectives"), language.number(summary.objectives, 0)],
        [t("policyReports.summary.actions"), language.number(summary.actions, 0)],
        [t("policyReports.summary.done"), language.number(summary.done, 0)],
        [t("policyReports.summary.late"), language.number(summary.late, 0)],
        [
          t("policyReports.summary.averageProgress"),
          summary.averageProgress === null
            ? t("policyReports.notMeasured")
            : language.percent(summary.averageProgress),
        ],
      ],
    },
  ];
}

/** A heading for an item the public version would leave out says so in the full version. */
function marked(text: string, internal: boolean, language: ReportLanguage): string {
  return internal ? `${text} [${language.t("policyReports.internal")}]` : text;
}

function objectiveBlocks(objective: ReportObjective, language: ReportLanguage): ReportBlock[] {
  const { t } = language;
  const heading = t("policyReports.objectiveHeading", { code: objective.code, title: objective.title });
  return [
    {
      kind: "heading",
      level: 1,
      text: marked(heading, objective.internal, language),
      listed: true,
      newPage: true,
    },
    {
      kind: "facts",
      rows: [
        [
          t("policyReports.progress"),
          objective.progressPercent === null
            ? t("policyReports.notMeasured")
            : language.percent(objective.progressPercent),
        ],
      ],
    },
    ...objective.measures.flatMap((measure) => measureBlocks(measure, language)),
    { kind: "heading", level: 2, text: t("policyReports.indicators.heading") },
    ...(objective.indicators.length === 0
      ? [{ kind: "paragraph" as const, text: t("policyReports.indicators.none"), style: "note" as const }]
      : objective.indicators.flatMap((indicator) => indicatorBlocks(indicator, language))),
  ];
}

function actionRow(action: ReportAction, language: ReportLanguage): string[] {
  const { t } = language;
  const notes = [
    ...(action.late ? [t("policyReports.actions.late")] : []),
    ...(action.done ? [t("policyReports.actions.done")] : []),
    ...(action.internal ? [t("policyReports.internal")] : []),
  ];
  return [
    `${action.code} ${action.title}`,
    action.agency,
    action.dueDate ? language.shortDate(action.dueDate) : "—",
    t(`policyReports.actionStatuses.${action.status}`),
    action.percentDone === null ? "—" : language.percent(action.percentDone),
    notes.join(", "),
  ];
}

function measureBlocks(measure: ReportMeasure, language: ReportLanguage): ReportBlock[] {
  const { t } = language;
  const heading = t("policyReports.measureHeading", { code: measure.code, title: measure.title });
  const texts = measure.actions.flatMap((action) =>
    action.agencyText ? [{ action, text: action.agencyText }] : [],
  );
  return [
    { kind: "heading", level: 2, text: marked(heading, measure.internal, language), listed: true },
    measure.actions.length === 0
      ? { kind: "paragraph", text: t("policyReports.actions.none"), style: "note" as const }
      : {
          kind: "table",
          head: [
            t("policyReports.actions.action"),
            t("policyReports.actions.agency"),
            t("policyReports.actions.dueDate"),
            t("policyReports.actions.status"),
            t("policyReports.actions.percentDone"),
            t("policyReports.actions.flag"),
          ],
          rows: measure.actions.map((action) => actionRow(action, language)),
          widths: [34, 18, 14, 12, 9, 13],
        },
    { kind: "heading", level: 3, text: t("policyReports.agencyTexts.heading") },
    ...(texts.length === 0
      ? [{ kind: "paragraph" as const, text: t("policyReports.agencyTexts.none"), style: "note" as const }]
      : texts.map(
          ({ action, text }): ReportBlock => ({
            kind: "agencyText",
            heading: marked(`${action.code} ${action.title}`, text.internal, language),
            byline: [
              text.agency,
              text.submittedAt
                ? t("policyReports.agencyTexts.submittedOn", { date: language.dateTime(text.submittedAt) })
                : t("policyReports.agencyTexts.notSubmitted"),
            ].join(" · "),
            text: text.text,
          }),
        )),
  ];
}

function valueInPeriod(value: number, period: string, decimals: number, language: ReportLanguage): string {
  return language.t("policyReports.indicators.valueOn", {
    value: language.number(value, decimals),
    date: language.period(period),
  });
}

/** The indicator's series as a chart in the reader's language: measured values and the trajectory. */
export function indicatorChartSpec(indicator: ReportIndicator, language: ReportLanguage): ChartSpec {
  const { t } = language;
  const hasTrajectory = indicator.series.some((point) => point.trajectory !== null);
  return {
    kind: indicator.chart,
    title: t("policyReports.indicators.chartTitle", { title: indicator.title, unit: indicator.unit }),
    categoryLabel: t("policyReports.indicators.period"),
    categories: indicator.series.map((point) => language.period(point.period)),
    series: [
      { name: t("policyReports.indicators.measured"), values: indicator.series.map((point) => point.actual) },
      ...(hasTrajectory
        ? [
            {
              name: t("policyReports.indicators.trajectory"),
              values: indicator.series.map((point) => point.trajectory),
            },
          ]
        : []),
    ],
  };
}

function svgSize(svg: string): { width: number; height: number } {
  const opening = /<svg\b[^>]*>/.exec(svg)?.[0] ?? "";
  const size = (name: string) => Number(new RegExp(`\\b${name}="([\\d.]+)`).exec(opening)?.[1] ?? 0);
  return { width: size("width"), height: size("height") };
}

function indicatorBlocks(indicator: ReportIndicator, language: ReportLanguage): ReportBlock[] {
  const { t } = language;
  const { decimals } = indicator;
  const latest = indicator.series.findLast((point) => point.actual !== null);
  const facts: FactRow[] = [
    [t("policyReports.indicators.unit"), indicator.unit],
    [
      t("policyReports.indicators.baseline"),
      indicator.baseline
        ? valueInPeriod(indicator.baseline.value, indicator.baseline.period, decimals, language)
        : "—",
    ],
    [
      t("policyReports.indicators.target"),
      indicator.target
        ? valueInPeriod(indicator.target.value, indicator.target.period, decimals, language)
        : "—",
    ],
    [
      t("policyReports.indicators.latest"),
      latest?.actual != null ? valueInPeriod(latest.actual, latest.period, decimals, language) : "—",
    ],
  ];
  const blocks: ReportBlock[] = [
    {
      kind: "heading",
      level: 3,
      text: marked(
        t("policyReports.indicators.indicatorHeading", { code: indicator.code, title: indicator.title }),
        indicator.internal,
        language,
      ),
    },
    { kind: "facts", rows: facts },
  ];
  if (indicator.chartSpec || indicator.series.length > 0) {
    const spec = indicator.chartSpec ?? indicatorChartSpec(indicator, language);
    const svg = renderChartSvg(spec);
    blocks.push({
      kind: "chart",
      svg,
      ...svgSize(svg),
      title: spec.title,
      table: chartDataTable(spec, (value) => language.number(value, decimals)),
    });
  }
  const its = indicator.interruptedTimeSeries;
  if (its) {
    // Estimated changes are fractions even of whole-number series: at least one decimal.
    const changeDecimals = Math.max(decimals, 1);
    const text = t("policyReports.interruptedTimeSeries.text", {
      date: language.date(its.interruptionDate),
      level: language.change(its.levelChange, changeDecimals),
      slope: language.change(its.slopeChange, changeDecimals),
    });
    const interval =
      its.levelChangeInterval && its.slopeChangeInterval
        ? ` ${t("policyReports.interruptedTimeSeries.interval", {
            from: language.change(its.levelChangeInterval[0], changeDecimals),
            to: language.change(its.levelChangeInterval[1], changeDecimals),
            slopeFrom: language.change(its.slopeChangeInterval[0], changeDecimals),
            slopeTo: language.change(its.slopeChangeInterval[1], changeDecimals),
          })}`
        : "";
    blocks.push(
      { kind: "paragraph", text: t("policyReports.interruptedTimeSeries.heading"), style: "label" },
      { kind: "paragraph", text: its.inWords?.join(" ") ?? `${text}${interval}` },
    );
  }
  return blocks;
}
