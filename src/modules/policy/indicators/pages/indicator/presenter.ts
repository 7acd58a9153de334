import type { FastifyRequest } from "fastify";
import { filterText } from "../../indicator-forms.js";
import {
  describeChange,
  indicatorChartSvg,
  languageOf,
  valueWithUnit,
} from "../../indicator-presentation.js";
import type { IndicatorReading } from "../../operations/read-indicator.js";

type Translate = FastifyRequest["t"];

function formulaText(reading: IndicatorReading, t: Translate): string {
  const { indicator } = reading;
  if (indicator.kind === "entered" || !indicator.numerator) return t("policyIndicators.view.enteredFormula");
  const part = (ref: NonNullable<typeof indicator.numerator>) =>
    filterText(ref) ? `${ref.series} [${filterText(ref)}]` : ref.series;
  return t(
    indicator.denominator ? "policyIndicators.view.ratioFormula" : "policyIndicators.view.countFormula",
    {
      factor: indicator.factor,
      numerator: part(indicator.numerator),
      denominator: indicator.denominator ? part(indicator.denominator) : "",
    },
  );
}

function progressText(reading: IndicatorReading, t: Translate, format: (value: number) => string): string {
  const { progress, indicator } = reading;
  if (!indicator.baseline || !indicator.target) return t("policyIndicators.progress.noTarget");
  if (!progress || progress.share === null) return t("policyIndicators.progress.noValue");
  const options = {
    period: progress.period,
    value: format(progress.value),
    share: Math.round(progress.share * 100),
  };
  if (progress.share >= 1) return t("policyIndicators.progress.reached", options);
  if (progress.share < 0) return t("policyIndicators.progress.backwards", options);
  return t(
    progress.onTrack ? "policyIndicators.progress.onTrack" : "policyIndicators.progress.behind",
    options,
  );
}

function summaryRows(
  reading: IndicatorReading,
  t: Translate,
  locale: string,
  format: (value: number) => string,
) {
  const { indicator, agency } = reading;
  const language = languageOf(locale);
  const periodValue = (one: { period: string; value: number } | null) =>
    one
      ? t("policyIndicators.view.periodValue", { value: format(one.value), period: one.period })
      : t("policyIndicators.view.none");
  return [
    { key: { text: t("policyIndicators.fields.code") }, value: { text: indicator.code } },
    {
      key: { text: t("policyIndicators.fields.kind") },
      value: { text: t(`policyIndicators.kind.${indicator.kind}`) },
    },
    { key: { text: t("policyIndicators.view.formula") }, value: { text: formulaText(reading, t) } },
    {
      key: { text: t("policyIndicators.fields.responsibleAgency") },
      value: { text: agency ? agency.names[language] : "—" },
    },
    {
      key: { text: t("policyIndicators.fields.baseline") },
      value: { text: periodValue(indicator.baseline) },
    },
    {
      key: { text: t("policyIndicators.fields.target") },
      value: {
        text: indicator.target
          ? `${periodValue(indicator.target)} (${t(`policyIndicators.direction.${indicator.target.direction}`)})`
          : t("policyIndicators.view.none"),
      },
    },
    { key: { text: t("policyIndicators.view.progress") }, value: { text: progressText(reading, t, format) } },
  ];
}

function tableRows(
  reading: IndicatorReading,
  changeIndex: number,
  notAvailable: string,
  format: (value: number) => string,
) {
  const change = reading.changes[changeIndex];
  const fitted = new Map(
    change?.result.status === "estimated" ? change.result.fitted.map((one) => [one.month, one.fitted]) : [],
  );
  return reading.points.map((point, index) => {
    const trajectory = reading.trajectory[index]?.value ?? null;
    const fit = fitted.get(point.period);
    return {
      period: point.period,
      value: point.value === null ? notAvailable : format(point.value),
      detail:
        reading.indicator.kind === "entered"
          ? (point.source ?? "")
          : point.denominator === null
            ? String(point.numerator ?? "")
            : `${point.numerator ?? 0} / ${point.denominator}`,
      trajectory: trajectory === null ? "" : format(trajectory),
      fitted: fit === undefined ? "" : format(fit),
    };
  });
}

/** The indicator page's view: summary, chart, the estimate in words, the data table and the actions allowed. */
export function indicatorView(reading: IndicatorReading, request: FastifyRequest, changeIndex: number) {
  const { t, locale, principal } = request;
  const format = valueWithUnit(reading, locale);
  const { indicator } = reading;
  const change = reading.changes[changeIndex];
  return {
    title: indicator.names[languageOf(locale)],
    code: indicator.code,
    demo: indicator.demo,
    kind: indicator.kind,
    summaryRows: summaryRows(reading, t, locale, format),
    svg: indicatorChartSvg(reading, t, locale, changeIndex),
    changes: reading.changes.map((one, index) => ({ index, date: one.date, chosen: index === changeIndex })),
    change: change
      ? { date: change.date, sentences: describeChange(change, t, format), status: change.result.status }
      : null,
    from: reading.months[0],
    to: reading.months.at(-1),
    rows: tableRows(reading, changeIndex, t("policyIndicators.view.notAvailable"), format),
    detailHeading: t(
      indicator.kind === "entered"
        ? "policyIndicators.view.source"
        : "policyIndicators.view.numeratorDenominator",
    ),
    canEdit: principal?.permissions.has("policy.manage") ?? false,
    canEnter:
      indicator.kind === "entered" &&
      (principal?.permissions.has("policy.report") ?? false) &&
      principal?.agencyId === indicator.responsibleAgencyId,
  };
}
