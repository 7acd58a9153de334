import { randomBytes } from "node:crypto";
import type { Queryable } from "../../../platform/db/index.js";
import type { CasesContext } from "../cases-context.js";
import type { CaseTypeDefinition } from "../definition/case-type.js";
import { type CaseNumberSource, nextCaseNumber } from "./event-store.js";
import type { CaseEventBody } from "./events.js";

/** The last day of a validity of `months` from `isoDate`: a 12-month permit from 1 March ends on 28/29 February. */
export function validityEnd(isoDate: string, months: number): string {
  const [year = 0, month = 1, day = 1] = isoDate.split("-").map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, day));
  target.setUTCDate(target.getUTCDate() - 1);
  return target.toISOString().slice(0, 10);
}

type Outcome = CaseTypeDefinition["outcomes"][number];

/** Until when a document issued today is valid: months from today, the applicant's date, or the earlier. */
function validTo(outcome: Outcome, today: string, answers: Record<string, unknown>): string | null {
  const ends: string[] = [];
  if (outcome.validityMonths) ends.push(validityEnd(today, outcome.validityMonths));
  const answered = outcome.validUntilAnswer ? answers[outcome.validUntilAnswer] : undefined;
  // Answers were checked on submission; a date before today would give a document born expired.
  if (typeof answered === "string" && /^\d{4}-\d{2}-\d{2}$/.test(answered) && answered >= today) {
    ends.push(answered);
  }
  return ends.sort()[0] ?? null;
}

/**
 * The number series a decision with this outcome issued on `today` draws its document number
 * from (the case type's prefix + "P", by year), or null when it issues no document.
 */
export function issuedDocumentSeries(
  definition: CaseTypeDefinition,
  outcomeCode: string,
  today: string,
): { prefix: string; year: number } | null {
  const outcome = definition.outcomes.find((one) => one.code === outcomeCode);
  if (!outcome?.issuesDocument) return null;
  return { prefix: `${definition.numberPrefix}P`, year: Number(today.slice(0, 4)) };
}

/**
 * The event that issues a decision with this outcome on `today`: a positive one gets the document
 * number drawn from `issuedDocumentSeries`, a verification code and its validity.
 */
export function decisionIssued(
  definition: CaseTypeDefinition,
  outcomeCode: string,
  answers: Record<string, unknown>,
  today: string,
  documentNumber: string | null,
): CaseEventBody {
  const outcome = definition.outcomes.find((one) => one.code === outcomeCode);
  const issuesDocument = outcome?.issuesDocument ?? false;
  return {
    type: "case.decision_issued",
    payload: {
      outcome: outcomeCode,
      documentNumber: issuesDocument ? documentNumber : null,
      verificationCode: issuesDocument ? randomBytes(8).toString("base64url").toUpperCase() : null,
      validFrom: issuesDocument ? today : null,
      validTo: issuesDocument && outcome ? validTo(outcome, today, answers) : null,
    },
  };
}

/** The document number of a decision issued today, from the shared sequence (null without a document). */
export async function issuedDocumentNumber(
  context: CasesContext,
  db: Queryable,
  definition: CaseTypeDefinition,
  outcomeCode: string,
  numberOf: CaseNumberSource = (prefix, year) => nextCaseNumber(db, prefix, year),
): Promise<string | null> {
  const series = issuedDocumentSeries(
    definition,
    outcomeCode,
    context.deadlines.legalDate(context.clock.now()),
  );
  return series ? numberOf(series.prefix, series.year) : null;
}
