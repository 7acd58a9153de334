import { countUnverifiedAccounts } from "../../access/index.js";
import { countFinishedCasesDue, countIdleDrafts } from "../../cases/index.js";
import { countConsultationCommentersDue } from "../../policy/index.js";
import { finishedCaseRules } from "./finished-case-rules.js";
import type { RetentionBasis } from "./retention-rules.js";
import { daysBefore, monthsBeforeDate, type RetentionServices } from "./retention-services.js";

type RecordKind =
  | "drafts"
  | "unverifiedAccounts"
  | "closedCases"
  | "documents"
  | "consultationCommenters"
  | "audit"
  | "statistics";

/** One line of the report: a kind of record, the rule that applies, and how many records it will reach. */
export interface ForecastLine {
  kind: RecordKind;
  /** The setting in the rules file, e.g. `closedCases.byProcedure.stay-registration`. */
  setting: string;
  /** The period; null when the records are kept. */
  period: { amount: number; unit: "days" | "months" | "years" } | null;
  /** The procedure a case line is about. */
  typeCode: string | null;
  /** Records whose period ends by the forecast's date (those already due included); null: kept. */
  count: number | null;
  /** Documents without a period of their own: they go when their case is anonymised. */
  withCase?: boolean;
  basis: RetentionBasis;
}

export interface RetentionForecast {
  from: Date;
  until: Date;
  lines: ForecastLine[];
}

/** The same day one month later (31 January gives the last day of February). */
function oneMonthAfter(at: Date): Date {
  const later = new Date(at);
  later.setUTCMonth(at.getUTCMonth() + 1);
  if (later.getUTCDate() !== at.getUTCDate()) later.setUTCDate(0);
  return later;
}

/**
 * What the retention job will remove or anonymise within the next month, counted per kind of
 * record and rule: the records whose period ends by then. Counts only; nothing about anyone.
 */
export async function forecastExpiry(services: RetentionServices): Promise<RetentionForecast> {
  const { cases, rules } = services;
  const from = cases.clock.now();
  const until = oneMonthAfter(from);
  const lines: ForecastLine[] = [
    {
      kind: "drafts",
      setting: "drafts.removeAfterDays",
      period: { amount: rules.drafts.removeAfterDays, unit: "days" },
      typeCode: null,
      count: await countIdleDrafts(cases.db, daysBefore(until, rules.drafts.removeAfterDays)),
      basis: rules.drafts.basis,
    },
    {
      kind: "unverifiedAccounts",
      setting: "unverifiedAccounts.removeAfterDays",
      period: { amount: rules.unverifiedAccounts.removeAfterDays, unit: "days" },
      typeCode: null,
      count: await countUnverifiedAccounts(
        cases.db,
        daysBefore(until, rules.unverifiedAccounts.removeAfterDays),
      ),
      basis: rules.unverifiedAccounts.basis,
    },
  ];
  for (const rule of finishedCaseRules(rules, until)) {
    const kind = rule.scope === "case" ? "closedCases" : "documents";
    const basis = kind === "closedCases" ? rules.closedCases.basis : rules.documents.basis;
    const counts = await countFinishedCasesDue(cases.db, rule);
    const period = { amount: rule.years, unit: "years" as const };
    if (rule.typeCodes?.length === 1) {
      const typeCode = rule.typeCodes[0] ?? null;
      const count = counts.reduce((sum, one) => sum + one.count, 0);
      lines.push({ kind, setting: rule.name, period, typeCode, count, basis });
    } else {
      // The general rule: one line per procedure it reaches, or one saying none.
      if (counts.length === 0)
        lines.push({ kind, setting: rule.name, period, typeCode: null, count: 0, basis });
      for (const one of counts)
        lines.push({ kind, setting: rule.name, period, typeCode: one.typeCode, count: one.count, basis });
    }
  }
  if (rules.documents.removeAfterYears === null)
    lines.push({
      ...keptLine("documents", "documents.removeAfterYears", rules.documents.basis),
      withCase: true,
    });
  const commenters = rules.consultationCommenters;
  lines.push({
    kind: "consultationCommenters",
    setting: "consultationCommenters.removeAfterMonths",
    period: { amount: commenters.removeAfterMonths, unit: "months" },
    typeCode: null,
    count: await countConsultationCommentersDue(
      cases.db,
      monthsBeforeDate(until, commenters.removeAfterMonths),
    ),
    basis: commenters.basis,
  });
  lines.push(keptLine("audit", "audit.keepYears", rules.audit.basis));
  lines.push(keptLine("statistics", "statistics.keepYears", rules.statistics.basis));
  return { from, until, lines };
}

/** Documents removed with their case, the audit trail and the statistics: not removed by a period of their own. */
function keptLine(kind: RecordKind, setting: string, basis: RetentionBasis): ForecastLine {
  return { kind, setting, period: null, typeCode: null, count: null, basis };
}
