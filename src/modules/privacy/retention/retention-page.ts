import type { FastifyReply, FastifyRequest } from "fastify";
import { isLocale, type Locale, type Translator } from "../../../platform/http/index.js";
import { numberFormat } from "../../../platform/locale/index.js";
import { formatLongDate } from "../../cases/index.js";
import { type ForecastLine, forecastExpiry } from "./retention-forecast.js";
import type { RetentionBasis, RetentionRules } from "./retention-rules.js";
import type { RetentionServices } from "./retention-services.js";

/** A period in words ("30 days", "5 years"), or that the records are kept. */
export function periodText(t: Translator, period: ForecastLine["period"]): string {
  if (!period) return t("privacy.retention.kept");
  return t(`privacy.retention.period.${period.unit}`, { count: period.amount });
}

/** Where a period comes from, in words: the provision of law, or the data controller's decision. */
export function basisText(
  t: Translator,
  locale: Locale,
  rules: RetentionRules,
  basis: RetentionBasis,
): string {
  return basis.kind === "law"
    ? basis.citation[locale]
    : t("privacy.retention.controllerBasis", { controller: rules.controller[locale] });
}

/** GET /privacy/retention: what the retention job will remove or anonymise within the next month. */
export async function showRetentionPage(
  services: RetentionServices,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const locale: Locale = isLocale(request.locale) ? request.locale : "az";
  const t = request.t;
  const forecast = await forecastExpiry(services);
  const numbers = numberFormat(locale);
  const procedureName = (typeCode: string) =>
    services.cases.registry.current().find((definition) => definition.code === typeCode)?.name[locale] ??
    typeCode;
  return reply.header("cache-control", "private, no-store").render("privacy/retention/views/retention.njk", {
    title: t("privacy.retention.title"),
    from: formatLongDate(forecast.from, locale),
    until: formatLongDate(forecast.until, locale),
    framework: services.rules.framework[locale],
    lines: forecast.lines.map((line) => ({
      kind: t(`privacy.retention.kinds.${line.kind}`),
      procedure: line.typeCode ? procedureName(line.typeCode) : null,
      period: line.withCase ? t("privacy.retention.withCase") : periodText(t, line.period),
      setting: line.setting,
      basis: basisText(t, locale, services.rules, line.basis),
      byController: line.basis.kind === "controller",
      count: line.withCase
        ? t("privacy.retention.countedWithCases")
        : line.count === null
          ? t("privacy.retention.notRemoved")
          : numbers.format(line.count),
    })),
  });
}
