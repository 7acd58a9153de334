import { CitizenshipCodeError, eurostatCitizenship } from "../eurostat/citizenship-codes.js";
import { asylumOutcomes, otherOutcomes, permitReasons } from "../facts/statistical-record.js";
import { readApplicationBreakdowns, readPermitIssue, readReturnBreakdowns } from "./breakdown-columns.js";
import type { PersonEventFileSpec } from "./import-file-specs.js";
import type {
  ApplicationRow,
  DecisionRow,
  PermitRow,
  PersonEventRow,
  PersonRow,
  ReadRow,
} from "./import-rows.js";
import { caseHint, type RowReader } from "./row-reader.js";

const CITIZENSHIP_PATTERN = /^[A-Z]{2}$/;
/** What previous systems write for "no citizenship" and "not known", which have columns or blanks of their own here. */
const STATELESS_CODES = new Set(["STATELESS", "STLS", "XXA", "NONE"]);
const UNKNOWN_CODES = new Set(["UNK", "UNKNOWN", "XX", "XXX"]);

function citizenshipProblem(value: string): string {
  const upper = value.toUpperCase();
  if (STATELESS_CODES.has(upper)) {
    return `${value} is not a citizenship: for a stateless person leave citizenship empty and write yes in the stateless column.`;
  }
  if (UNKNOWN_CODES.has(upper)) return "An unknown citizenship is written as an empty cell.";
  return `citizenship must be an ISO 3166-1 alpha-2 code such as SY, or empty.${caseHint(value, upper, CITIZENSHIP_PATTERN.test(upper))}`;
}

export function readPersonRow(r: RowReader): ReadRow<PersonRow> {
  const personId = r.id("person_id");
  const iso = r.optional("citizenship", (value) =>
    CITIZENSHIP_PATTERN.test(value)
      ? { ok: true, value }
      : { ok: false, code: "invalid_value", message: citizenshipProblem(value) },
  );
  const stateless = r.yesNo("stateless");
  const sex = r.optionalChoice("sex", ["F", "M", "UNK"]);
  const birthDate = r.optionalDate("birth_date", "birth");

  let citizenship: string | undefined;
  if (iso !== undefined && stateless !== undefined) {
    try {
      citizenship = eurostatCitizenship(iso, { stateless });
    } catch (error) {
      if (!(error instanceof CitizenshipCodeError)) throw error;
      if (stateless) {
        r.fail(
          "citizenship",
          "stateless_with_citizenship",
          "A stateless person cannot have a citizenship; leave citizenship empty.",
        );
      } else {
        // EL and UK: Eurostat's codes, which would be converted twice if accepted.
        r.fail("citizenship", "invalid_value", `${error.message}.`);
      }
    }
  }
  const refs = {};
  if (
    personId === undefined ||
    citizenship === undefined ||
    sex === undefined ||
    birthDate === undefined ||
    !r.valid
  ) {
    return { line: r.line, id: personId, refs, value: null };
  }
  return { line: r.line, id: personId, refs, value: { personId, citizenship, sex: sex ?? "UNK", birthDate } };
}

export function readApplicationRow(r: RowReader): ReadRow<ApplicationRow> {
  const applicationId = r.id("application_id");
  const personId = r.id("person_id");
  const caseType = r.caseType("case_type");
  const lodgedOn = r.requiredDate("lodged_on", "event");
  const closedOn = r.optionalDate("closed_on", "event");
  const withdrawn = r.yesNo("withdrawn");
  const unaccompanied = r.yesNo("unaccompanied_minor");
  const region = r.region("region");
  const breakdowns = readApplicationBreakdowns(r, { closedOn, withdrawn });

  if (lodgedOn && closedOn && closedOn < lodgedOn) {
    r.fail("closed_on", "end_before_start", `closed_on (${closedOn}) is before lodged_on (${lodgedOn}).`);
  }
  if (withdrawn && closedOn === null) {
    r.fail("closed_on", "required", "A withdrawn application needs closed_on, the date it was withdrawn.");
  }
  if (unaccompanied && caseType !== undefined && caseType !== "asylum") {
    r.fail(
      "unaccompanied_minor",
      "not_applicable",
      "unaccompanied_minor can only be yes for asylum applications; Eurostat counts unaccompanied minors among asylum applicants only.",
    );
  }
  const refs = personId === undefined ? {} : { person: personId };
  if (
    applicationId === undefined ||
    personId === undefined ||
    caseType === undefined ||
    lodgedOn === undefined ||
    closedOn === undefined ||
    withdrawn === undefined ||
    unaccompanied === undefined ||
    region === undefined ||
    breakdowns === undefined ||
    !r.valid
  ) {
    return { line: r.line, id: applicationId, refs, value: null };
  }
  return {
    line: r.line,
    id: applicationId,
    refs,
    value: {
      applicationId,
      personId,
      caseType,
      lodgedOn,
      closedOn,
      withdrawn,
      unaccompanied,
      region,
      breakdowns,
    },
  };
}

export function readDecisionRow(r: RowReader): ReadRow<DecisionRow> {
  const decisionId = r.id("decision_id");
  const applicationId = r.id("application_id");
  const instance = r.choice("instance", ["first", "final"]);
  const decidedOn = r.requiredDate("decided_on", "event");
  const outcome = r.choice("outcome", [...asylumOutcomes, ...otherOutcomes]);
  const refs = applicationId === undefined ? {} : { application: applicationId };
  if (
    decisionId === undefined ||
    applicationId === undefined ||
    instance === undefined ||
    decidedOn === undefined ||
    outcome === undefined ||
    !r.valid
  ) {
    return { line: r.line, id: decisionId, refs, value: null };
  }
  return {
    line: r.line,
    id: decisionId,
    refs,
    value: { decisionId, applicationId, instance, decidedOn, outcome },
  };
}

export function readPermitRow(r: RowReader): ReadRow<PermitRow> {
  const permitId = r.id("permit_id");
  const personId = r.id("person_id");
  const caseType = r.caseType("case_type");
  const reason = r.choice("reason", permitReasons);
  const validFrom = r.requiredDate("valid_from", "event");
  // A permit in force today is valid until a date still to come.
  const validTo = r.requiredDate("valid_to", "until");
  const region = r.region("region");
  const issue = readPermitIssue(r);
  if (validFrom && validTo && validTo < validFrom) {
    r.fail("valid_to", "end_before_start", `valid_to (${validTo}) is before valid_from (${validFrom}).`);
  }
  const refs = personId === undefined ? {} : { person: personId };
  if (
    permitId === undefined ||
    personId === undefined ||
    caseType === undefined ||
    reason === undefined ||
    validFrom === undefined ||
    validTo === undefined ||
    region === undefined ||
    issue === undefined ||
    !r.valid
  ) {
    return { line: r.line, id: permitId, refs, value: null };
  }
  return {
    line: r.line,
    id: permitId,
    refs,
    value: { permitId, personId, caseType, reason, validFrom, validTo, region, issue },
  };
}

export function readPersonEventRow(r: RowReader, spec: PersonEventFileSpec): ReadRow<PersonEventRow> {
  const id = r.id(spec.idColumn);
  const personId = r.id("person_id");
  const date = r.requiredDate(spec.dateColumn, "event");
  const endDate = spec.endColumn === null ? null : r.optionalDate(spec.endColumn, "event");
  const region = spec.hasRegion ? r.region("region") : null;
  const orderId = spec.hasOrder ? r.optionalId("order_id") : null;
  const breakdowns = readReturnBreakdowns(r, spec.hasReturnBreakdowns);
  if (spec.endColumn !== null && date && endDate && endDate < date) {
    r.fail(
      spec.endColumn,
      "end_before_start",
      `${spec.endColumn} (${endDate}) is before ${spec.dateColumn} (${date}).`,
    );
  }
  const refs = {
    ...(personId === undefined ? {} : { person: personId }),
    ...(orderId ? { order: orderId } : {}),
  };
  if (
    id === undefined ||
    personId === undefined ||
    date === undefined ||
    endDate === undefined ||
    region === undefined ||
    orderId === undefined ||
    breakdowns === undefined ||
    !r.valid
  ) {
    return { line: r.line, id, refs, value: null };
  }
  return { line: r.line, id, refs, value: { id, personId, date, endDate, region, orderId, breakdowns } };
}
