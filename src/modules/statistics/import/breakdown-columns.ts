import {
  type PermitIssueType,
  permitIssueTypes,
  type ReturnDestination,
  type ReturnType,
  returnDestinations,
  returnTypes,
  type WithdrawalType,
  withdrawalTypes,
} from "../facts/statistical-record.js";
import type { RowReader } from "./row-reader.js";

/**
 * The optional columns of the breakdowns Regulation (EU) 2020/851 added: every one may be left out
 * of the header or left empty (the breakdown is then UNK), and a value that contradicts the rest of
 * the line is an error of its own.
 */

/** applications.csv: the type of a withdrawal, and an appeal with its own dates. */
export interface ApplicationBreakdowns {
  withdrawal: WithdrawalType | null;
  appealLodgedOn: string | null;
  appealClosedOn: string | null;
}

/** returns.csv: the type of return, the assistance offered and received, and the destination. */
export interface ReturnBreakdowns {
  returnType: ReturnType | null;
  assisted: boolean | null;
  assistanceOffered: boolean | null;
  destination: ReturnDestination | null;
}

const noReturnBreakdowns: ReturnBreakdowns = {
  returnType: null,
  assisted: null,
  assistanceOffered: null,
  destination: null,
};

const yesNo = (value: "yes" | "no" | null): boolean | null => (value === null ? null : value === "yes");

/**
 * Reads withdrawal_type, appeal_lodged_on and appeal_closed_on of an application already read as
 * far as `application` says; undefined when one of them is wrong (reported).
 */
export function readApplicationBreakdowns(
  r: RowReader,
  application: { closedOn: string | null | undefined; withdrawn: boolean | undefined },
): ApplicationBreakdowns | undefined {
  const withdrawal = r.optionalChoice("withdrawal_type", withdrawalTypes);
  const appealLodgedOn = r.optionalDate("appeal_lodged_on", "event");
  const appealClosedOn = r.optionalDate("appeal_closed_on", "event");
  const { closedOn, withdrawn } = application;
  if (withdrawal && withdrawn === false) {
    r.fail(
      "withdrawal_type",
      "not_applicable",
      "withdrawal_type is only for a withdrawn application: write yes in withdrawn, or leave withdrawal_type empty.",
    );
  }
  if (appealLodgedOn && closedOn === null) {
    r.fail(
      "closed_on",
      "required",
      "An appealed application needs closed_on, the date of the first-instance decision.",
    );
  }
  if (appealLodgedOn && closedOn && appealLodgedOn < closedOn) {
    r.fail(
      "appeal_lodged_on",
      "end_before_start",
      `appeal_lodged_on (${appealLodgedOn}) is before closed_on (${closedOn}), the first-instance decision it appeals.`,
    );
  }
  if (appealClosedOn && appealLodgedOn === null) {
    r.fail(
      "appeal_lodged_on",
      "required",
      "appeal_closed_on needs appeal_lodged_on, the day the appeal was lodged.",
    );
  }
  if (appealClosedOn && appealLodgedOn && appealClosedOn < appealLodgedOn) {
    r.fail(
      "appeal_closed_on",
      "end_before_start",
      `appeal_closed_on (${appealClosedOn}) is before appeal_lodged_on (${appealLodgedOn}).`,
    );
  }
  if (withdrawn && appealLodgedOn && appealClosedOn === null) {
    r.fail(
      "appeal_closed_on",
      "required",
      "An application withdrawn during its appeal needs appeal_closed_on, the date it was withdrawn.",
    );
  }
  if (withdrawal === undefined || appealLodgedOn === undefined || appealClosedOn === undefined)
    return undefined;
  return { withdrawal, appealLodgedOn, appealClosedOn };
}

/** Reads issue_type of permits.csv; undefined when it is wrong (reported). */
export function readPermitIssue(r: RowReader): PermitIssueType | null | undefined {
  return r.optionalChoice("issue_type", permitIssueTypes);
}

/**
 * Reads return_type, assisted (the assistance received), assistance_offered and destination of
 * returns.csv (none for the other event files); assistance received that was not offered is an error.
 */
export function readReturnBreakdowns(r: RowReader, hasBreakdowns: boolean): ReturnBreakdowns | undefined {
  if (!hasBreakdowns) return noReturnBreakdowns;
  const returnType = r.optionalChoice("return_type", returnTypes);
  const assisted = r.optionalChoice("assisted", ["yes", "no"]);
  const offered = r.optionalChoice("assistance_offered", ["yes", "no"]);
  const destination = r.optionalChoice("destination", returnDestinations);
  if (assisted === "yes" && offered === "no") {
    r.fail(
      "assistance_offered",
      "not_offered",
      "assisted is yes (assistance received) but assistance_offered is no: write yes in assistance_offered, or no in assisted.",
    );
    return undefined;
  }
  if (
    returnType === undefined ||
    assisted === undefined ||
    offered === undefined ||
    destination === undefined
  )
    return undefined;
  return { returnType, assisted: yesNo(assisted), assistanceOffered: yesNo(offered), destination };
}
