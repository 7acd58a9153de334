import type { Locale, Translator } from "../../../platform/http/index.js";
import { dateTimeFormat, formatNumber as formatNumberIn } from "../../../platform/locale/index.js";
import type { AgencyChoice, AuditRecordView } from "./audit-repository.js";
import type { AnchorCheck } from "./check-audit-anchor.js";

/** Audit times to the second, in the country's time zone and the reader's language. */
export function formatAuditTime(at: Date, locale: Locale): string {
  return dateTimeFormat(locale, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).format(at);
}

export function formatNumber(value: number, locale: Locale): string {
  return formatNumberIn(value, locale);
}

/** Who acted, in words: a user's name (with the id), an API key, the system, or nobody signed in. */
export function actorLabel(
  record: Pick<AuditRecordView, "actorType" | "actorId" | "actorName">,
  t: Translator,
) {
  switch (record.actorType) {
    case "user":
      return { text: record.actorName ?? t("audit.actor.unknownUser"), id: record.actorId };
    case "api_key":
      return { text: t("audit.actor.apiKey"), id: record.actorId };
    case "system":
      return { text: t("audit.actor.system"), id: null };
    default:
      return { text: t("audit.actor.anonymous"), id: null };
  }
}

export function agencyName(agencies: AgencyChoice[], agencyId: string | null, locale: Locale): string | null {
  if (!agencyId) return null;
  const agency = agencies.find((one) => one.id === agencyId);
  return agency ? agency.names[locale] : agencyId;
}

/**
 * An audit code in words, in the reader's language: actions ("case.viewed") and record types
 * ("case"). A code without a translation (a new action, a procedure's own step) is shown as it is.
 */
export function auditCodeLabel(
  kind: "actions" | "entities",
  code: string | null,
  t: Translator,
): string | null {
  if (!code) return null;
  const label = t(`audit.${kind}.${code}`, { defaultValue: "" });
  return typeof label === "string" && label !== "" ? label : code;
}

const outcomeTagClasses: Record<AuditRecordView["outcome"], string> = {
  success: "govuk-tag--green",
  failure: "govuk-tag--yellow",
  denied: "govuk-tag--red",
};

/** One record as a row of the search results (and of the CSV export). */
export function presentRecord(
  record: AuditRecordView,
  t: Translator,
  locale: Locale,
  agencies: AgencyChoice[],
) {
  return {
    id: record.id,
    href: `/audit/${record.id}`,
    time: formatAuditTime(record.at, locale),
    timeIso: record.at.toISOString(),
    actor: actorLabel(record, t),
    action: record.action,
    actionLabel: auditCodeLabel("actions", record.action, t),
    outcome: {
      text: t(`audit.outcomes.${record.outcome}`),
      classes: outcomeTagClasses[record.outcome],
    },
    entityType: record.entityType,
    entityTypeLabel: auditCodeLabel("entities", record.entityType, t),
    entityId: record.entityId,
    agency: agencyName(agencies, record.agencyId, locale),
    ip: record.ip,
    requestId: record.requestId,
    details: Object.entries(record.details ?? {})
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, value]) => ({ key, value: value === null ? "null" : String(value) })),
  };
}

export type PresentedRecord = ReturnType<typeof presentRecord>;

const anchorTagClasses: Record<AnchorCheck["state"], string> = {
  matches: "govuk-tag--green",
  none: "govuk-tag--grey",
  missing: "govuk-tag--yellow",
  not_configured: "govuk-tag--yellow",
  cut_off: "govuk-tag--red",
  rewritten: "govuk-tag--red",
  forged: "govuk-tag--red",
  file_unreadable: "govuk-tag--red",
};

/** The chain against its latest anchor, in words. */
export function presentAnchorCheck(check: AnchorCheck, t: Translator, locale: Locale) {
  return {
    ok: check.ok,
    state: check.state,
    text: t(`audit.chain.anchor.states.${check.state}`, {
      sequence: check.anchor ? formatNumber(check.anchor.sequence, locale) : "",
      sealedUpTo: formatNumber(check.sealedUpTo, locale),
      count: formatNumber(check.forgedLines, locale),
    }),
    classes: anchorTagClasses[check.state],
    upTo: check.anchor ? formatNumber(check.anchor.sequence, locale) : null,
    at: check.anchor ? formatAuditTime(new Date(check.anchor.at), locale) : null,
    unreadable:
      check.unreadableLines > 0
        ? t("audit.chain.anchor.unreadable", { count: formatNumber(check.unreadableLines, locale) })
        : null,
  };
}
