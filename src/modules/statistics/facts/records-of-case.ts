import { createHash } from "node:crypto";
import { isRegionCode } from "../../../platform/reference/index.js";
import {
  type CaseEvent,
  type CaseStanding,
  type CaseTypeDefinition,
  type PersonOccurrenceData,
  personsOfAnswers,
  type StatisticsSection,
} from "../../cases/index.js";
import { eurostatCitizenship } from "../eurostat/citizenship-codes.js";
import type {
  DecisionOutcome,
  PermitReason,
  PersonFacts,
  ReturnType,
  StatisticalRecord,
  WithdrawalType,
} from "./statistical-record.js";

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

/** A person's key from their travel document, hashed so the cubes' inputs carry no document number. */
function documentKey(citizenship: string, number: unknown): string | null {
  const document = text(number)?.toUpperCase().replace(/[\s-]/g, "") ?? null;
  return document
    ? `doc:${createHash("sha256").update(`${citizenship}|${document}`).digest("hex").slice(0, 32)}`
    : null;
}

function personFacts(
  personKey: string,
  citizenship: string,
  sex: unknown,
  birthDate: string | null,
): PersonFacts {
  return {
    personKey,
    citizenship,
    sex: sex === "F" || sex === "M" ? sex : "UNK",
    birthDate: birthDate && DATE.test(birthDate) ? birthDate : null,
  };
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
  const personKey = documentKey(citizenship, answer(fields.travelDocument)) ?? `case:${state.id}`;
  return personFacts(personKey, citizenship, answer(fields.sex), text(answer(fields.birthDate)));
}

/** The part of a record id that names a family member: `case:<case id>:family-member:<slot>:<kind>`. */
const familyMemberPart = "family-member";

/**
 * The family member (their slot among the persons section's family members) a case's record is
 * about, or null for a record of the case's main person.
 */
export function familyMemberSlotOf(recordId: string): number | null {
  const parts = recordId.split(":");
  return parts.length === 5 && parts[2] === familyMemberPart ? Number(parts[3]) : null;
}

/** A family member as a person of the tables: the register's source of them is the case, role and slot. */
function familyMemberOf(caseId: string, member: PersonOccurrenceData): PersonFacts {
  const { occurrence } = member;
  const citizenship = citizenshipOf(occurrence.citizenship, false);
  const personKey =
    documentKey(citizenship, occurrence.document?.number) ??
    `case:${caseId}:${familyMemberPart}:${member.slot}`;
  return personFacts(personKey, citizenship, occurrence.sex, occurrence.birthDate ?? null);
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

/** How a procedure ended without a decision: on which day, and whether (and how) it was withdrawn. */
interface Closing {
  date: string;
  withdrawn: boolean;
  withdrawal: WithdrawalType | null;
}

/** The closing a transition into a closed state makes: a withdrawal is implicit when the section says so. */
function closingBy(definition: CaseTypeDefinition, transitionName: string, date: string): Closing {
  const transition = definition.transitions.find((one) => one.name === transitionName);
  if (transition?.effect !== "withdraw") return { date, withdrawn: false, withdrawal: null };
  const implicit = definition.statistics?.implicitWithdrawals.includes(transitionName) ?? false;
  return { date, withdrawn: true, withdrawal: implicit ? "implicit" : "explicit" };
}

/** When the case left the procedure without a decision, and whether the applicant withdrew. */
function closingOf(
  events: CaseEvent[],
  definition: CaseTypeDefinition,
  legalDate: (at: Date) => string,
): Closing | null {
  let closing: Closing | null = null;
  for (const event of events) {
    if (event.type !== "case.transitioned") continue;
    const state = definition.states[event.payload.to];
    if (state?.category !== "closed") continue;
    closing = closingBy(definition, event.payload.transition, legalDate(event.at));
  }
  return closing;
}

/**
 * An order to leave, counted on the day it was notified (its decision issued), and the return that
 * followed it, on the day the person left: the day the step recorded (`occurredOn`), else the day
 * the step was taken.
 */
function returnRecords(
  state: CaseStanding,
  events: CaseEvent[],
  returns: NonNullable<StatisticsSection["returns"]>,
  base: Omit<StatisticalRecord, "recordId" | "kind" | "date">,
  legalDate: (at: Date) => string,
): StatisticalRecord[] {
  if (!state.decision?.issued || !state.decidedAt) return [];
  const order = { ...base, recordId: `case:${state.id}:order_to_leave`, kind: "order_to_leave" as const };
  const records: StatisticalRecord[] = [{ ...order, date: legalDate(new Date(state.decidedAt)) }];
  let left: { date: string; type: ReturnType; stepAnswers: Record<string, string> } | null = null;
  for (const event of events) {
    if (event.type === "case.transitioned" && Object.hasOwn(returns.returnedBy, event.payload.transition))
      left = {
        date: event.payload.occurredOn ?? legalDate(event.at),
        type: returns.returnedBy[event.payload.transition] as ReturnType,
        stepAnswers: event.payload.answers ?? {},
      };
  }
  if (left) {
    records.push({
      ...base,
      recordId: `case:${state.id}:return`,
      kind: "return",
      date: left.date,
      orderRecordId: order.recordId,
      ...returnBreakdowns(state.answers, left.stepAnswers, returns, left.type),
    });
  }
  return records;
}

/**
 * A return's type, assistance and destination (Regulation (EU) 2020/851). The assistance counted is
 * the one received, which the departure's step records: an offer is kept beside it but not
 * counted, since not everyone offered takes it up, and a removal is not an assisted return. A
 * departure recorded without it leaves the assistance unknown.
 */
function returnBreakdowns(
  answers: Record<string, unknown>,
  stepAnswers: Record<string, string>,
  returns: NonNullable<StatisticsSection["returns"]>,
  returnType: ReturnType,
): Pick<StatisticalRecord, "returnType" | "assisted" | "assistanceOffered" | "destination"> {
  const received = returns.assistanceReceived ? yesOrNo(stepAnswers[returns.assistanceReceived]) : null;
  const chosen = returns.destination ? answers[returns.destination.answer] : undefined;
  const codes = returns.destination?.codes ?? {};
  return {
    returnType,
    assisted: returnType === "forced" ? false : received,
    assistanceOffered: returns.assistanceOffered ? yesOrNo(answers[returns.assistanceOffered]) : null,
    destination: typeof chosen === "string" && Object.hasOwn(codes, chosen) ? (codes[chosen] ?? null) : null,
  };
}

function yesOrNo(value: unknown): boolean | null {
  if (value === "yes" || value === true) return true;
  if (value === "no" || value === false) return false;
  return null;
}

/** Under 18 on the day it was lodged; of unknown age counts as a minor (the import checks only a known age). */
function minorOn(birthDate: string | null, lodged: string): boolean {
  if (!birthDate) return true;
  const [year, month, day] = birthDate.split("-").map(Number);
  return (
    `${String((year ?? 0) + 18).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` >
    lodged
  );
}

/**
 * Lodged by an unaccompanied minor: the answer the section names says so, the person was under 18
 * on the day it was lodged when the birth date is known (the import refuses the same claim), and
 * no parent of theirs is a person of the case: a family member who is the main person's parent is
 * everyone's, and the main person is their child's.
 */
function unaccompaniedOf(
  section: StatisticsSection,
  answers: Record<string, unknown>,
  person: { birthDate: string | null; relationship?: string | undefined },
  lodged: string,
  members: PersonOccurrenceData[],
): boolean {
  const answer = section.unaccompaniedMinor ? answers[section.unaccompaniedMinor] : undefined;
  if (answer !== "yes" && answer !== true) return false;
  if (person.relationship === "child" || members.some((member) => member.relationship === "parent"))
    return false;
  return minorOn(person.birthDate, lodged);
}

/**
 * The family members' own records, where the section counts every person of the case: each applied
 * with the main person, so each has the same application and decisions under their own person,
 * and is unaccompanied by their own age and parents.
 */
function familyMembersRecords(
  state: CaseStanding,
  section: StatisticsSection,
  members: PersonOccurrenceData[],
  records: StatisticalRecord[],
  lodged: string,
): StatisticalRecord[] {
  const own = records.filter(
    (record) => record.kind === "application" || record.kind === "appeal" || record.kind === "decision",
  );
  return members.flatMap((member) => {
    const person = familyMemberOf(state.id, member);
    const unaccompanied = unaccompaniedOf(
      section,
      state.answers,
      { birthDate: person.birthDate, relationship: member.relationship },
      lodged,
      members,
    );
    return own.map((record) => ({
      ...record,
      recordId: record.recordId.replace(
        `case:${state.id}:`,
        `case:${state.id}:${familyMemberPart}:${member.slot}:`,
      ),
      person,
      unaccompanied: record.kind === "application" ? unaccompanied : false,
    }));
  });
}

/**
 * An application of a procedure with an appeal: the first-instance decision, the final one (a
 * decision issued after the appeal was lodged), the application pending from its lodging to the
 * first-instance decision, and the appeal pending from its own lodging to the final decision
 * (Regulation (EU) 2020/851): each may end by a withdrawal instead.
 */
function appealedApplicationRecords(
  state: CaseStanding,
  events: CaseEvent[],
  definition: CaseTypeDefinition,
  section: StatisticsSection & { appeal: { states: string[] } },
  application: StatisticalRecord,
  legalDate: (at: Date) => string,
): StatisticalRecord[] {
  const decisions = new Map<"first" | "final", { date: string; outcome: string }>();
  const pending: { firstEnd: Closing | null; appeal: { date: string; end: Closing | null } | null } = {
    firstEnd: null,
    appeal: null,
  };
  // A decision or closing ends the appeal once one is lodged, else the first instance.
  const ends = (closing: Closing | null) => {
    if (pending.appeal) pending.appeal.end = closing;
    else pending.firstEnd = closing;
  };
  for (const event of events) {
    if (event.type === "case.decision_issued") {
      const date = legalDate(event.at);
      decisions.set(pending.appeal ? "final" : "first", { date, outcome: event.payload.outcome });
      ends({ date, withdrawn: false, withdrawal: null });
    }
    if (event.type !== "case.transitioned") continue;
    if (section.appeal.states.includes(event.payload.to)) {
      // Lodged on its first entry; entered again (a final draft sent back), it is open again.
      if (pending.appeal) pending.appeal.end = null;
      else pending.appeal = { date: event.payload.occurredOn ?? legalDate(event.at), end: null };
    } else if (definition.states[event.payload.to]?.category === "closed") {
      ends(closingBy(definition, event.payload.transition, legalDate(event.at)));
    }
  }
  const ended = (closing: Closing | null) => ({
    endDate: closing?.date ?? null,
    withdrawn: closing?.withdrawn ?? false,
    withdrawal: closing?.withdrawal ?? null,
  });
  const records: StatisticalRecord[] = [{ ...application, ...ended(pending.firstEnd) }];
  const { appeal } = pending;
  if (appeal) {
    records.push({
      ...application,
      recordId: `case:${state.id}:appeal`,
      kind: "appeal",
      date: appeal.date,
      ...ended(appeal.end),
      unaccompanied: false,
      deadline: null,
    });
  }
  for (const [instance, decision] of decisions) {
    records.push({
      ...application,
      recordId: `case:${state.id}:${instance === "first" ? "decision" : "decision-final"}`,
      kind: "decision",
      date: decision.date,
      endDate: null,
      outcome: outcomeOf(section, decision.outcome),
      instance,
      unaccompanied: false,
      lodgedOn: application.date,
      // The legal time runs to the first-instance decision; the court's has none in the case.
      deadline: instance === "first" ? application.deadline : null,
    });
  }
  return records;
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
  if (section.returns) return returnRecords(state, events, section.returns, base, legalDate);
  const members =
    section.applicantsFrom === "persons"
      ? personsOfAnswers(definition, state.answers).filter((person) => person.role === "family-member")
      : [];
  const unaccompanied = unaccompaniedOf(section, state.answers, base.person, lodged, members);
  const application = { state, events, lodged, unaccompanied };
  const records = applicationRecords(application, { ...definition, statistics: section }, base, legalDate);
  return [...records, ...familyMembersRecords(state, section, members, records, lodged)];
}

/** The application of the case's main person, with its decisions and the permit it issued. */
function applicationRecords(
  application: { state: CaseStanding; events: CaseEvent[]; lodged: string; unaccompanied: boolean },
  definition: CaseTypeDefinition & { statistics: StatisticsSection },
  base: Omit<StatisticalRecord, "recordId" | "kind" | "date">,
  legalDate: (at: Date) => string,
): StatisticalRecord[] {
  const { state, events, lodged, unaccompanied } = application;
  const section = definition.statistics;
  const id = (kind: string) => `case:${state.id}:${kind}`;
  if (section.appeal) {
    const application = { ...base, recordId: id("application"), kind: "application" as const, date: lodged };
    const lodgedApplication = { ...application, unaccompanied, deadline: state.deadlineDate };
    return appealedApplicationRecords(
      state,
      events,
      definition,
      { ...section, appeal: section.appeal },
      lodgedApplication,
      legalDate,
    );
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
      withdrawal: closing?.withdrawal ?? null,
      unaccompanied,
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
        issue: permit.issue ?? null,
      });
    }
  }
  return records;
}
