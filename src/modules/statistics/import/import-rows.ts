import type { DecisionOutcome, PermitIssueType, PermitReason } from "../facts/statistical-record.js";
import type { ApplicationBreakdowns, ReturnBreakdowns } from "./breakdown-columns.js";

/**
 * One line of an import file after reading. `value` is null when the line had an error; `id` and
 * `refs` are kept even then so that duplicates and dangling references are still reported.
 */
export interface ReadRow<T> {
  readonly line: number;
  readonly id: string | undefined;
  readonly refs: { person?: string; application?: string; order?: string };
  readonly value: T | null;
}

export interface PersonRow {
  personId: string;
  /** Already converted to Eurostat's code (EL, UK, STLS, UNK). */
  citizenship: string;
  sex: "F" | "M" | "UNK";
  birthDate: string | null;
}

export interface ApplicationRow {
  applicationId: string;
  personId: string;
  caseType: string;
  lodgedOn: string;
  closedOn: string | null;
  withdrawn: boolean;
  unaccompanied: boolean;
  region: string | null;
  breakdowns: ApplicationBreakdowns;
}

export interface DecisionRow {
  decisionId: string;
  applicationId: string;
  instance: "first" | "final";
  decidedOn: string;
  outcome: DecisionOutcome;
}

export interface PermitRow {
  permitId: string;
  personId: string;
  caseType: string;
  reason: PermitReason;
  validFrom: string;
  validTo: string;
  region: string | null;
  issue: PermitIssueType | null;
}

/** A line of detentions.csv, orders_to_leave.csv, returns.csv and the other one-event files. */
export interface PersonEventRow {
  id: string;
  personId: string;
  date: string;
  endDate: string | null;
  region: string | null;
  orderId: string | null;
  breakdowns: ReturnBreakdowns;
}

/** Every file's lines; a file absent from the import has no lines and is not in `present`. */
export interface ImportRows {
  present: Set<string>;
  persons: ReadRow<PersonRow>[];
  applications: ReadRow<ApplicationRow>[];
  decisions: ReadRow<DecisionRow>[];
  permits: ReadRow<PermitRow>[];
  /** By file name (`detentions.csv`, ...). */
  personEvents: Map<string, ReadRow<PersonEventRow>[]>;
}
