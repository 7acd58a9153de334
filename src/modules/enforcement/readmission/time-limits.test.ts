import { describe, expect, it } from "vitest";
import { loadLegalCalendars } from "../../../platform/calendar/index.js";
import { type Agreement, agreementByCode, readmissionAgreements } from "./agreements.js";
import {
  deemedAgreementDate,
  ExtensionNotAllowedError,
  effectiveReplyDue,
  endOfTimeLimit,
  extendedReplyDeadline,
  mondayToFriday,
  replyDeadline,
  requestDeadline,
  transferDeadline,
  travelDocumentDeadline,
} from "./time-limits.js";

const az = loadLegalCalendars().of("AZ");
const azWorkingDay = (date: string) => az.isWorkingDay(date);
const agreement = agreementByCode("eu-az-2014") as Agreement;

describe("readmission time limits", () => {
  it("ships the EU and Norway agreements; only the EU agreement's travel document time is confirmed", () => {
    const codes = readmissionAgreements().map((one) => one.code);
    expect(codes).toEqual(["eu-az-2014", "no-az-2014"]);
    const confirmed = (one: Agreement) =>
      Object.entries(one.timeLimits)
        .filter(([, limit]) => limit.source.confirmed)
        .map(([name]) => name);
    expect(confirmed(agreement)).toEqual(["travelDocument"]);
    expect(confirmed(agreementByCode("no-az-2014") as Agreement)).toEqual([]);
    expect(agreement.timeLimits.travelDocument).toMatchObject({ amount: 5, unit: "working" });
  });

  it("counts the request time in months from the day the case became known, to the month's last day at most", () => {
    expect(requestDeadline(agreement, "2026-01-15", azWorkingDay)).toBe("2026-07-15");
    expect(endOfTimeLimit("2026-08-31", { amount: 6, unit: "months" }, azWorkingDay)).toBe("2027-02-28");
  });

  it("counts the normal reply in calendar days, ending even on a day off", () => {
    // Received Monday 9 March 2026: twelve calendar days end on Saturday 21 March (Novruz).
    expect(replyDeadline(agreement, "normal", "2026-03-09", azWorkingDay)).toBe("2026-03-21");
  });

  it("counts the accelerated reply in the requested state's working days, over Novruz", () => {
    // Received Thursday 19 March 2026; 20–30 March are days off: the two working days are 31 March and 1 April.
    expect(replyDeadline(agreement, "accelerated", "2026-03-19", azWorkingDay)).toBe("2026-04-01");
    // A partner state's working days are Monday to Friday: received on Friday, due on Tuesday.
    expect(replyDeadline(agreement, "accelerated", "2026-03-13", mondayToFriday)).toBe("2026-03-17");
  });

  it("extends the normal reply once, by at most the agreement's extension, before the deadline passes", () => {
    const request = { procedure: "normal" as const, replyDue: "2026-03-21", extendedReplyDue: null };
    expect(extendedReplyDeadline(agreement, request, 6, "2026-03-20", azWorkingDay)).toBe("2026-03-27");
    expect(extendedReplyDeadline(agreement, request, 2, "2026-03-21", azWorkingDay)).toBe("2026-03-23");
    const refusals: Array<[Parameters<typeof extendedReplyDeadline>[1], number, string, string]> = [
      [request, 7, "2026-03-20", "too_long"],
      [request, 3, "2026-03-22", "deadline_passed"],
      [{ ...request, extendedReplyDue: "2026-03-23" }, 1, "2026-03-20", "already_extended"],
      [{ ...request, procedure: "accelerated" }, 1, "2026-03-20", "accelerated"],
    ];
    for (const [one, days, on, reason] of refusals) {
      expect(() => extendedReplyDeadline(agreement, one, days, on, azWorkingDay)).toThrow(
        new ExtensionNotAllowedError(reason),
      );
    }
  });

  it("deems the transfer agreed on the day after the deadline in force when no reply came", () => {
    const open = { replyDue: "2026-03-21", extendedReplyDue: null, replyOn: null };
    expect(deemedAgreementDate(agreement, open, "2026-03-21")).toBeNull();
    expect(deemedAgreementDate(agreement, open, "2026-03-22")).toBe("2026-03-22");
    expect(deemedAgreementDate(agreement, open, "2026-04-30")).toBe("2026-03-22");
    const extended = { ...open, extendedReplyDue: "2026-03-27" };
    expect(effectiveReplyDue(extended)).toBe("2026-03-27");
    expect(deemedAgreementDate(agreement, extended, "2026-03-27")).toBeNull();
    expect(deemedAgreementDate(agreement, extended, "2026-03-28")).toBe("2026-03-28");
    expect(deemedAgreementDate(agreement, { ...open, replyOn: "2026-03-10" }, "2026-04-30")).toBeNull();
    const withoutRule = { ...agreement, deemedAgreement: { ...agreement.deemedAgreement, applies: false } };
    expect(deemedAgreementDate(withoutRule, open, "2026-04-30")).toBeNull();
  });

  it("counts the transfer in months and the travel document in five working days from consent", () => {
    expect(transferDeadline(agreement, "2026-03-22", azWorkingDay)).toBe("2026-06-22");
    // Consent on Tuesday 17 March 2026: 18, 19, 31 March, 1 and 2 April are the five working days.
    expect(travelDocumentDeadline(agreement, "2026-03-17", azWorkingDay)).toBe("2026-04-02");
    expect(travelDocumentDeadline(agreement, "2026-03-17", mondayToFriday)).toBe("2026-03-24");
  });
});
