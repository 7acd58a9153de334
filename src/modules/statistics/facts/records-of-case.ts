import { createHash } from "node:crypto";
import { isRegionCode } from "../../../platform/reference/index.js";
import type { CaseEvent, CaseStanding, CaseTypeDefinition, StatisticsSection } from "../../cases/index.js";
import { eurostatCitizenship } from "../eurostat/citizenship-codes.js";
import type { DecisionOutcome, PermitReason, PersonFacts, StatisticalRecord } from "./statistical-record.js";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

function citizenshipOf(value: unknown, stateless: boolean): string {
  try {
    return eurostatCitizenship(text(value), { stateless });
  } catch {
    return "UNK";
  }
}

/**
 * The same person across cases: citizenship and travel document number, hashed so the cubes'
 * inputs carry no document number. Without a document number, the case stands for its person.
 */
function personOf(state: CaseStanding, fields: StatisticsSection["person"]): PersonFacts {
  const answers = state.answers;
  const answer = (field: string | undefined) => (field === undefined ? undefined : answers[field]);
  const stateless = answer(fields.stateless);
  const citizenship = citizenshipOf(answers[fields.citizenship], stateless === true || stateless === "yes");
  const document = text(answer(fields.travelDocument))?.toUpperCase().replace(/[\s-]/g, "") ?? null;
  const personKey = document
    ? `doc:${createHash("sha256").update(`${citizenship}|${document}`).digest("hex").slice(0, 32)}`
    : `case:${state.id}`;
  const sex = answer(fields.sex);
  const birthDate = text(answer(fields.birthDate));
  return {
    personKey,
    citizenship,
    sex: sex === "F" || sex === "M" ? sex : "UNK",
    birthDate: birthDate && DATE.test(birthDate) ? birthDate : null,
  };
}

/**
 * The case's region: the region of its first address question answered with a code of the region
 * list. Free text (typed before the region became a pick list) is not a region: the case counts
 * as of unknown region rather than making a category of its own.
 */
function regionOf(state: CaseStanding, place: string[]): string | null {
  const answered = place.map((field) => (state.answers[field] as { region?: unknown } | undefined)?.region);
  for (const value of answered) {
    const region = text(value)?.toUpperCase();
    if (region && isRegionCode(region)) return region;
  }
  return null;
}

/** The official category the case type's statistics section gives the outcome. */
function outcomeOf(section: StatisticsSection, code: string): DecisionOutcome {
  const category = Object.hasOwn(section.outcomes, code) ? section.outcomes[code] : undefined;
  // The definition's schema gives every outcome a category: a missing one is a broken definition.
  if (!category) throw new Error(`outcome ${code} has no official category`);
  return category;
}

/** The reason of the residence permit, fixed or chosen by an answer, as the section declares it. */
function permitReasonOf(
  permit: NonNullable<StatisticsSection["residencePermit"]>,
  answers: Record<string, unknown>,
): PermitReason {
  const { reason } = permit;
  if (typeof reason === "string") return reason;
  const chosen = String(answers[reason.answer]);
  return (Object.hasOwn(reason.codes, chosen) ? reason.codes[chosen] : undefined) ?? reason.otherwise;
}

/** When the case left the procedure without a decision, and whether the applicant withdrew. */
function closingOf(
  events: CaseEvent[],
  definition: CaseTypeDefinition,
  legalDate: (at: Date) => string,
): { date: string; withdrawn: boolean } | null {
  let closing: { date: string; withdrawn: boolean } | null = null;
  for (const event of events) {
    if (event.type !== "case.transitioned") continue;
    const state = definition.states[event.payload.to];
    if (state?.category !== "closed") continue;
    const transition = definition.transitions.find((one) => one.name === event.payload.transition);
    closing = { date: legalDate(event.at), withdrawn: transition?.effect === "withdraw" };
  }
  return closing;
}

/**
 * The statistical records one case gives, from its events and the state they lead to, as the
 * statistics section of its definition declares them: nothing before submission nor for a case
 * type without the section; then the registration, or the application with its decision and the
 * residence permit it issued.
 */
export function recordsOfCase(
  state: CaseStanding,
  events: CaseEvent[],
  definition: CaseTypeDefinition,
  legalDate: (at: Date) => string,
): StatisticalRecord[] {
  const section = definition.statistics;
  if (!state.submittedAt || !section) return [];
  const lodged = state.legalStartDate ?? legalDate(new Date(state.submittedAt));
  const base = {
    source: "case" as const,
    person: personOf(state, section.person),
    caseType: state.typeCode,
    region: regionOf(state, section.place),
    endDate: null,
    outcome: null,
    instance: null,
    reason: null,
    withdrawn: false,
    unaccompanied: false,
  };
  const id = (kind: string) => `case:${state.id}:${kind}`;
  if (section.counts === "registration") {
    return [{ ...base, recordId: id("registration"), kind: "registration", date: lodged }];
  }
  const decision = state.decision?.issued ? state.decision : null;
  const decidedOn = decision && state.decidedAt ? legalDate(new Date(state.decidedAt)) : null;
  const closing = decidedOn ? null : closingOf(events, definition, legalDate);
  const records: StatisticalRecord[] = [
    {
      ...base,
      recordId: id("application"),
      kind: "application",
      date: lodged,
      endDate: decidedOn ?? closing?.date ?? null,
      withdrawn: closing?.withdrawn ?? false,
      deadline: state.deadlineDate,
    },
  ];
  if (decision && decidedOn) {
    const outcome = outcomeOf(section, decision.outcome);
    records.push({
      ...base,
      recordId: id("decision"),
      kind: "decision",
      date: decidedOn,
      outcome,
      instance: "first",
      lodgedOn: lodged,
      deadline: state.deadlineDate,
    });
    const permit = section.residencePermit;
    if (permit && outcome === "GRANTED" && decision.validFrom && decision.validTo) {
      records.push({
        ...base,
        recordId: id("permit"),
        kind: "permit",
        date: decision.validFrom,
        endDate: decision.validTo,
        reason: permitReasonOf(permit, state.answers),
      });
    }
  }
  return records;
}
