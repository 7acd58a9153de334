import { describe, expect, it } from "vitest";
import { loadLegalCalendars } from "../../../platform/calendar/index.js";
import { type DetentionLaw, loadDetentionLaw } from "./detention-law.js";
import {
  absoluteLimit,
  checkExtension,
  checkInitialPeriod,
  DetentionLimitError,
  headNoticeDate,
  initialPermittedEnd,
  lastDayOfMonths,
  latestExtensionEnd,
  longestExtensionEnd,
  releaseDueDate,
  stayStanding,
} from "./time-limits.js";

const az = loadLegalCalendars().of("AZ");
const sourced = { source: "a law used only by this test", status: "confirmed" as const };
/** Figures of this test, not Azerbaijan's: the rules must follow whatever the law file says. */
const law: DetentionLaw = {
  country: "AZ",
  initialPeriod: { months: 3, ...sourced },
  extensionPeriod: { months: 3, ...sourced },
  maximumTotal: { months: 12, ...sourced },
  headNoticeWorkingDays: { workingDays: 1, ...sourced },
};

function refusal(run: () => unknown): { code: string; details: unknown } {
  try {
    run();
  } catch (error) {
    if (error instanceof DetentionLimitError) return { code: error.code, details: error.details };
    throw error;
  }
  throw new Error("not refused");
}

describe("periods in months", () => {
  it("end the day before the same date months later", () => {
    expect(lastDayOfMonths("2026-03-02", 3)).toBe("2026-06-01");
    expect(lastDayOfMonths("2026-01-01", 12)).toBe("2026-12-31");
    expect(lastDayOfMonths("2026-11-15", 3)).toBe("2027-02-14");
  });

  it("end the day before the month's last day when the month has no such date", () => {
    expect(lastDayOfMonths("2026-01-31", 1)).toBe("2026-02-27");
    expect(lastDayOfMonths("2027-11-30", 3)).toBe("2028-02-28");
    expect(lastDayOfMonths("2028-01-31", 1)).toBe("2028-02-28");
  });

  it("give the first period and the absolute limit from the law file", () => {
    expect(initialPermittedEnd(law, "2026-03-02")).toBe("2026-06-01");
    expect(absoluteLimit(law, "2026-03-02")).toBe("2027-03-01");
  });
});

describe("the first period", () => {
  it("is the whole first period when the order gives no end, or the order's shorter end", () => {
    expect(checkInitialPeriod(law, "2026-03-02", null)).toBe("2026-06-01");
    expect(checkInitialPeriod(law, "2026-03-02", "2026-04-15")).toBe("2026-04-15");
  });

  it("is refused beyond the law's first period, naming the limit and the last lawful day", () => {
    expect(refusal(() => checkInitialPeriod(law, "2026-03-02", "2026-06-02"))).toEqual({
      code: "detention_period_beyond_initial",
      details: { months: 3, lastLawfulDay: "2026-06-01" },
    });
  });
});

describe("extensions", () => {
  const stay = { startDate: "2026-03-02", permittedUntil: "2026-06-01" };

  it("may reach one extension's length past the current last day", () => {
    expect(longestExtensionEnd(law, "2026-06-01")).toBe("2026-09-01");
    expect(() => checkExtension(law, stay, "2026-09-01")).not.toThrow();
  });

  it("may reach at most the earlier of one extension and the maximum", () => {
    expect(latestExtensionEnd(law, stay)).toBe("2026-09-01");
    expect(latestExtensionEnd(law, { startDate: "2026-03-02", permittedUntil: "2027-01-15" })).toBe(
      "2027-03-01",
    );
  });

  it("are refused when longer than one extension", () => {
    expect(refusal(() => checkExtension(law, stay, "2026-09-02"))).toEqual({
      code: "detention_extension_too_long",
      details: { months: 3, lastLawfulDay: "2026-09-01" },
    });
  });

  it("are refused beyond the maximum total, naming it, however they are split", () => {
    const late = { startDate: "2026-03-02", permittedUntil: "2027-01-15" };
    expect(() => checkExtension(law, late, "2027-03-01")).not.toThrow();
    expect(refusal(() => checkExtension(law, late, "2027-03-02"))).toEqual({
      code: "detention_extension_beyond_maximum",
      details: { months: 12, lastLawfulDay: "2027-03-01" },
    });
  });

  it("carry the limit into the refusal's message values and a 422 status", () => {
    let caught: unknown;
    try {
      checkExtension(law, stay, "2027-05-01");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DetentionLimitError);
    expect((caught as DetentionLimitError).status).toBe(422);
    expect((caught as DetentionLimitError).messageValues).toEqual({ months: 12, date: "2027-03-01" });
  });
});

describe("the day-before notice, in working days of the legal calendar", () => {
  it("is the working day before the last day", () => {
    expect(headNoticeDate(law, az, "2026-06-02")).toBe("2026-06-01"); // Tuesday: on Monday
  });

  it("skips a weekend: a period ending on Monday is announced on Friday", () => {
    expect(headNoticeDate(law, az, "2026-03-02")).toBe("2026-02-27");
  });

  it("skips holidays: a period ending after Gurban and Independence Day is announced before them", () => {
    // 27-29 May 2026 are days off (Gurban, Independence Day and the day carried over), 30-31 a weekend.
    expect(headNoticeDate(law, az, "2026-06-01")).toBe("2026-05-26");
  });

  it("skips Novruz: a period ending on its last day off is announced on the last working day before", () => {
    expect(headNoticeDate(law, az, "2026-03-27")).toBe("2026-03-19");
  });

  it("follows the number of working days the law file gives", () => {
    const twoDays = { ...law, headNoticeWorkingDays: { workingDays: 2, ...sourced } };
    expect(headNoticeDate(twoDays, az, "2026-03-02")).toBe("2026-02-26");
  });
});

describe("release and standing", () => {
  it("makes release due on the last lawful day", () => {
    expect(releaseDueDate("2026-06-01")).toBe("2026-06-01");
  });

  it("tells in time, expiring from the notice day, due on the last day and overdue the day after", () => {
    const until = "2026-03-02";
    expect(stayStanding(law, az, until, "2026-02-26")).toBe("in_time");
    expect(stayStanding(law, az, until, "2026-02-27")).toBe("expiring");
    expect(stayStanding(law, az, until, "2026-02-28")).toBe("expiring");
    expect(stayStanding(law, az, until, "2026-03-02")).toBe("due_today");
    expect(stayStanding(law, az, until, "2026-03-03")).toBe("overdue");
  });
});

describe("the shipped law file of Azerbaijan", () => {
  it("loads, names a source for every value and marks what is not confirmed", () => {
    const shipped = loadDetentionLaw("AZ");
    for (const value of [
      shipped.initialPeriod,
      shipped.extensionPeriod,
      shipped.maximumTotal,
      shipped.headNoticeWorkingDays,
    ]) {
      expect(value.source.length).toBeGreaterThan(20);
      expect(["confirmed", "to_be_confirmed"]).toContain(value.status);
    }
    expect(shipped.maximumTotal.months).toBeGreaterThanOrEqual(shipped.initialPeriod.months);
  });

  it("is required: a country without one has no detention register", () => {
    expect(() => loadDetentionLaw("ZZ")).toThrow(/no detention time limits for ZZ/);
  });
});
