import { type IndicatorDefinition, parseIndicator } from "./indicator-definition.js";

const percent = { az: "%", en: "%", ru: "%" };

/**
 * The indicators the statistics pages show until the policy module owns them. Their series follow
 * `resolve-series.ts`.
 *
 * EXAMPLE TARGETS: every baseline and target below is an illustration of how progress is shown, NOT an
 * adopted policy target. The policy module will own the real ones; until then the page says so beside
 * each of them (see `exampleTargets`).
 */
export const builtinIndicators: readonly IndicatorDefinition[] = [
  parseIndicator({
    code: "asylum-recognition-rate",
    name: {
      az: "Birinci instansiyada sığınacaq tanınma nisbəti",
      en: "Asylum recognition rate at first instance",
      ru: "Доля признания в первой инстанции по делам об убежище",
    },
    numerator: { series: "asylum_decisions_first", filter: { d1: "GENCONV|SUB_PROT|HUMSTAT" } },
    denominator: { series: "asylum_decisions_first" },
    factor: 100,
    unit: percent,
    // EXAMPLE, not policy.
    baseline: { period: "2025", value: 20 },
    target: { period: "2030", value: 35, direction: "up" },
  }),
  parseIndicator({
    code: "decisions-within-legal-time",
    name: {
      az: "Qanuni müddətdə verilmiş qərarların payı",
      en: "Share of decisions within the legal time",
      ru: "Доля решений, принятых в установленный законом срок",
    },
    numerator: { series: "processing", filter: { d2: "WITHIN" } },
    denominator: { series: "processing", filter: { d2: "WITHIN|LATE" } },
    factor: 100,
    unit: percent,
    // EXAMPLE, not policy.
    baseline: { period: "2025", value: 80 },
    target: { period: "2028", value: 95, direction: "up" },
  }),
  parseIndicator({
    code: "average-processing-days",
    name: {
      az: "Qərara qədər orta müddət",
      en: "Average processing time",
      ru: "Средний срок рассмотрения",
    },
    numerator: { series: "processing.total" },
    denominator: { series: "processing" },
    factor: 1,
    unit: { az: "gün", en: "days", ru: "дн." },
    // EXAMPLE, not policy.
    baseline: { period: "2025", value: 60 },
    target: { period: "2028", value: 30, direction: "down" },
  }),
  parseIndicator({
    code: "stay-registrations-per-month",
    name: {
      az: "Ayda yaşayış yeri üzrə qeydiyyatlar",
      en: "Registrations at the place of stay per month",
      ru: "Регистрации по месту пребывания в месяц",
    },
    numerator: { series: "registrations" },
    factor: 1,
    unit: { az: "qeydiyyat", en: "registrations", ru: "регистраций" },
  }),
  parseIndicator({
    code: "applications-per-month",
    name: {
      az: "Ayda müraciətlər",
      en: "Applications per month",
      ru: "Заявления в месяц",
    },
    numerator: { series: "applications" },
    factor: 1,
    unit: { az: "müraciət", en: "applications", ru: "заявлений" },
  }),
];

/** Codes of the indicators above whose baseline and target are examples rather than adopted policy. */
export const exampleTargets: ReadonlySet<string> = new Set([
  "asylum-recognition-rate",
  "decisions-within-legal-time",
  "average-processing-days",
]);
