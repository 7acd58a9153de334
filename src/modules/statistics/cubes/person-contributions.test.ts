import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  asylumOutcomes,
  otherOutcomes,
  permitReasons,
  recordKinds,
  type StatisticalRecord,
} from "../facts/statistical-record.js";
import { statisticalRecord as record } from "../test-support/statistical-record.js";
import { type CubeCell, type CubeTable, sumCells } from "./cube-cell.js";
import { addDays } from "./months.js";
import { addPersonContributions, personContributions, validityClass } from "./person-contributions.js";

/** The cells of one cube, reduced to what the tests compare. */
function cellsOf(cells: CubeCell[], table: CubeTable) {
  return cells
    .filter((cell) => cell.tableCode === table)
    .map(({ period, age, d1, d2, d3, n, total }) => ({ period, age, d1, d2, d3, n, total }))
    .sort((a, b) => {
      const key = (cell: typeof a) => [cell.period, cell.d1, cell.d2, cell.d3, cell.age, cell.n].join("|");
      return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
    });
}

const blank = { d1: "", d2: "", d3: "", total: 0 };

describe("asylum applicants", () => {
  it("takes the age on the application date, a birthday moving the person up on the day itself", () => {
    // Born 2008-03-15: on 2026-03-14 still 17 (Y14-17); on 2026-03-15 18 (Y18-34).
    const person = { birthDate: "2008-03-15" };
    const before = personContributions([record({ person, date: "2026-03-14" })]);
    const onTheDay = personContributions([record({ person, date: "2026-03-15" })]);
    expect(cellsOf(before, "asylum_applicants").map((cell) => cell.age)).toEqual(["Y14-17", "Y14-17"]);
    expect(cellsOf(onTheDay, "asylum_applicants").map((cell) => cell.age)).toEqual(["Y18-34", "Y18-34"]);
    // Born 29 Feb 2008: 18 on 1 March 2026 (2026 has no 29 Feb), so 28 Feb is still Y14-17.
    const leap = { birthDate: "2008-02-29" };
    expect(
      cellsOf(personContributions([record({ person: leap, date: "2026-02-28" })]), "asylum_applicants")[0]
        ?.age,
    ).toBe("Y14-17");
    expect(
      cellsOf(personContributions([record({ person: leap, date: "2026-03-01" })]), "asylum_applicants")[0]
        ?.age,
    ).toBe("Y18-34");
    // No birth date: UNK.
    const unknown = personContributions([record({ person: { birthDate: null } })]);
    expect(cellsOf(unknown, "asylum_applicants")[0]?.age).toBe("UNK");
  });

  it("counts a first-time applicant only in the month of the first application", () => {
    // Applications in 2025-01 and 2025-03: an applicant (ASY_APP) in both months, first-time
    // (NASY_APP) only in 2025-01, the month of the first application ever.
    const cells = personContributions([record({ date: "2025-03-04" }), record({ date: "2025-01-20" })]);
    expect(cellsOf(cells, "asylum_applicants")).toEqual([
      { period: "2025-01", age: "Y18-34", ...blank, d1: "ASY_APP", n: 1 },
      { period: "2025-01", age: "Y18-34", ...blank, d1: "NASY_APP", n: 1 },
      { period: "2025-03", age: "Y18-34", ...blank, d1: "ASY_APP", n: 1 },
    ]);
  });

  it("counts a person once per month however many applications", () => {
    // Two applications in January 2025: one person, so one ASY_APP cell of 1 (and one NASY_APP).
    const cells = personContributions([record({ date: "2025-01-05" }), record({ date: "2025-01-28" })]);
    expect(cellsOf(cells, "asylum_applicants")).toEqual([
      { period: "2025-01", age: "Y18-34", ...blank, d1: "ASY_APP", n: 1 },
      { period: "2025-01", age: "Y18-34", ...blank, d1: "NASY_APP", n: 1 },
    ]);
  });

  it("takes the age of the person at the first application of the month", () => {
    // Born 2007-01-20: 17 on 2025-01-05, 18 on 2025-01-25. The month counts the person once, at the
    // first application (the earliest date, whatever the order of the records): Y14-17.
    const person = { birthDate: "2007-01-20" };
    const cells = personContributions([
      record({ person, date: "2025-01-25" }),
      record({ person, date: "2025-01-05" }),
    ]);
    expect(cellsOf(cells, "asylum_applicants").map((cell) => cell.age)).toEqual(["Y14-17", "Y14-17"]);
  });

  it("counts a withdrawal in the month it happened, with the age then", () => {
    // Lodged 2025-01-10 (17 years old, born 2007-03-15), withdrawn 2025-03-20 (18 by then): one
    // withdrawal in 2025-03, Y18-34; nothing in January.
    const cells = personContributions([
      record({
        person: { birthDate: "2007-03-15" },
        date: "2025-01-10",
        endDate: "2025-03-20",
        withdrawn: true,
      }),
    ]);
    expect(cellsOf(cells, "asylum_withdrawn")).toEqual([
      { period: "2025-03", age: "Y18-34", ...blank, d1: "UNK", n: 1 },
    ]);
    // Decided (not withdrawn): no withdrawal.
    const decided = personContributions([record({ date: "2025-01-10", endDate: "2025-03-20" })]);
    expect(cellsOf(decided, "asylum_withdrawn")).toEqual([]);
    // Two withdrawals in the same month: the person once.
    const twice = personContributions([
      record({ date: "2025-01-10", endDate: "2025-03-02", withdrawn: true }),
      record({ date: "2025-03-05", endDate: "2025-03-25", withdrawn: true }),
    ]);
    expect(cellsOf(twice, "asylum_withdrawn")).toEqual([
      { period: "2025-03", age: "Y18-34", ...blank, d1: "UNK", n: 1 },
    ]);
  });

  it("counts an unaccompanied minor once per year, at the first application of the year", () => {
    // Unaccompanied applications in 2025-02, 2025-06 and 2026-01 (and an accompanied one in 2025-01
    // that does not count): 2025-02 and 2026-01.
    const person = { birthDate: "2010-05-01" };
    const cells = personContributions([
      record({ person, date: "2025-01-03" }),
      record({ person, date: "2025-06-11", unaccompanied: true }),
      record({ person, date: "2025-02-11", unaccompanied: true }),
      record({ person, date: "2026-01-07", unaccompanied: true }),
    ]);
    expect(cellsOf(cells, "asylum_unaccompanied")).toEqual([
      { period: "2025-02", age: "Y14-15", ...blank, n: 1 },
      { period: "2026-01", age: "Y14-15", ...blank, n: 1 },
    ]);
  });

  it("counts first-instance decisions by outcome in the month of the decision, final decisions apart", () => {
    // First instance GENCONV on 2025-04-05 (instance null counts as first too), final REJECTED on
    // 2025-09-10; a decision with no outcome counts nowhere. Age at each decision date: born 1990-06-15,
    // 34 in April and May 2025, 35 by September (Y35-64).
    const cells = personContributions([
      record({ kind: "decision", date: "2025-04-05", outcome: "GENCONV", instance: "first" }),
      record({ kind: "decision", date: "2025-05-30", outcome: "SUB_PROT", instance: null }),
      record({ kind: "decision", date: "2025-09-10", outcome: "REJECTED", instance: "final" }),
      record({ kind: "decision", date: "2025-10-01", outcome: null, instance: "first" }),
    ]);
    expect(cellsOf(cells, "asylum_decisions_first")).toEqual([
      { period: "2025-04", age: "Y18-34", ...blank, d1: "GENCONV", n: 1 },
      { period: "2025-05", age: "Y18-34", ...blank, d1: "SUB_PROT", n: 1 },
    ]);
    expect(cellsOf(cells, "asylum_decisions_final")).toEqual([
      { period: "2025-09", age: "Y35-64", ...blank, d1: "REJECTED", n: 1 },
    ]);
    // Decisions are not applications: no applicant, no pending stock.
    expect(cellsOf(cells, "asylum_applicants")).toEqual([]);
    expect(cellsOf(cells, "asylum_pending_stock")).toEqual([]);
  });

  it("ignores applications of other case types", () => {
    const cells = personContributions([
      record({ caseType: "temporary-residence-permit", unaccompanied: true }),
    ]);
    for (const table of ["asylum_applicants", "asylum_unaccompanied", "asylum_pending_stock"] as const)
      expect(cellsOf(cells, table)).toEqual([]);
  });
});

describe("asylum pending stock", () => {
  it("adds 1 in the first month pending at its end and takes it away in the first month it is not", () => {
    // Lodged 2025-01-20, decided 2025-04-05: pending at the end of January, February and March, not at
    // the end of April.
    const cells = personContributions([record({ date: "2025-01-20", endDate: "2025-04-05" })]);
    expect(cellsOf(cells, "asylum_pending_stock")).toEqual([
      { period: "2025-01", age: "Y18-34", ...blank, d1: "FIRST", n: 1 },
      { period: "2025-04", age: "Y18-34", ...blank, d1: "FIRST", n: -1 },
    ]);
  });

  it("counts nothing when lodged and decided within one month", () => {
    const cells = personContributions([record({ date: "2025-01-02", endDate: "2025-01-31" })]);
    expect(cellsOf(cells, "asylum_pending_stock")).toEqual([]);
    // Decided on 1 February: still pending on 31 January.
    const overTheEnd = personContributions([record({ date: "2025-01-31", endDate: "2025-02-01" })]);
    expect(cellsOf(overTheEnd, "asylum_pending_stock")).toEqual([
      { period: "2025-01", age: "Y18-34", ...blank, d1: "FIRST", n: 1 },
      { period: "2025-02", age: "Y18-34", ...blank, d1: "FIRST", n: -1 },
    ]);
  });

  it("moves an applicant turning 18 while pending to Y18-34 in the month of the birthday", () => {
    // Born 2007-03-15, lodged 2025-01-20, decided 2025-06-10: Y14-17 at the ends of January and
    // February, 18 on 15 March so Y18-34 at the end of March, gone in June.
    const cells = personContributions([
      record({ person: { birthDate: "2007-03-15" }, date: "2025-01-20", endDate: "2025-06-10" }),
    ]);
    expect(cellsOf(cells, "asylum_pending_stock")).toEqual([
      { period: "2025-01", age: "Y14-17", ...blank, d1: "FIRST", n: 1 },
      { period: "2025-03", age: "Y14-17", ...blank, d1: "FIRST", n: -1 },
      { period: "2025-03", age: "Y18-34", ...blank, d1: "FIRST", n: 1 },
      { period: "2025-06", age: "Y18-34", ...blank, d1: "FIRST", n: -1 },
    ]);
  });

  it("counts a person with two applications pending once", () => {
    // Lodged 2025-01-20 (decided 2025-04-05) and 2025-02-10 (open): one person pending at the ends
    // of January to March and after; never 2.
    const cells = personContributions([
      record({ date: "2025-01-20", endDate: "2025-04-05" }),
      record({ date: "2025-02-10", endDate: null }),
    ]);
    expect(cellsOf(cells, "asylum_pending_stock")).toEqual([
      { period: "2025-01", age: "Y18-34", ...blank, d1: "FIRST", n: 1 },
      { period: "2025-06", age: "Y18-34", ...blank, d1: "FIRST", n: -1 },
      { period: "2025-06", age: "Y35-64", ...blank, d1: "FIRST", n: 1 },
      { period: "2055-06", age: "Y35-64", ...blank, d1: "FIRST", n: -1 },
      { period: "2055-06", age: "Y_GE65", ...blank, d1: "FIRST", n: 1 },
    ]);
  });

  it("counts an appeal as pending from its own lodging, not in the gap after the first decision", () => {
    // Decided 2025-03-05, appealed 2025-04-10, the appeal withdrawn implicitly on 2025-07-01: pending
    // at first instance at the ends of January and February, not March, on appeal April to June.
    const person = { birthDate: "1990-01-01" };
    const cells = personContributions([
      record({ person, date: "2025-01-10", endDate: "2025-03-05" }),
      record({
        person,
        kind: "appeal",
        date: "2025-04-10",
        endDate: "2025-07-01",
        withdrawn: true,
        withdrawal: "implicit",
      }),
    ]);
    expect(cellsOf(cells, "asylum_pending_stock")).toEqual([
      { period: "2025-01", age: "Y35-64", ...blank, d1: "FIRST", n: 1 },
      { period: "2025-03", age: "Y35-64", ...blank, d1: "FIRST", n: -1 },
      { period: "2025-04", age: "Y35-64", ...blank, d1: "APPEAL", n: 1 },
      { period: "2025-07", age: "Y35-64", ...blank, d1: "APPEAL", n: -1 },
    ]);
    expect(cellsOf(cells, "asylum_withdrawn")).toEqual([
      { period: "2025-07", age: "Y35-64", ...blank, d1: "IMPL", n: 1 },
    ]);
  });

  it("writes only finite changes for an application still pending", () => {
    // Born 1990-06-15, lodged 2025-01-10, open: +1 in 2025-01, then the move to Y35-64 at 35
    // (2025-06-15, June 2025) and to Y_GE65 at 65 (June 2055), never a -1.
    const cells = personContributions([record({ date: "2025-01-10", endDate: null })]);
    expect(cellsOf(cells, "asylum_pending_stock")).toEqual([
      { period: "2025-01", age: "Y18-34", ...blank, d1: "FIRST", n: 1 },
      { period: "2025-06", age: "Y18-34", ...blank, d1: "FIRST", n: -1 },
      { period: "2025-06", age: "Y35-64", ...blank, d1: "FIRST", n: 1 },
      { period: "2055-06", age: "Y35-64", ...blank, d1: "FIRST", n: -1 },
      { period: "2055-06", age: "Y_GE65", ...blank, d1: "FIRST", n: 1 },
    ]);
  });
});

describe("first permits", () => {
  const permit = (date: string, endDate: string, reason: StatisticalRecord["reason"] = "FAM") =>
    record({ kind: "permit", caseType: "temporary-residence-permit", date, endDate, reason });

  it("counts a permit as first after a gap of 6 months", () => {
    // A 2024-01-01..2024-06-30 (first: nothing before). B from 2025-01-10: its 6 months before start on
    // 2024-07-10, A ended 2024-06-30 before that: first again.
    const cells = personContributions([
      permit("2025-01-10", "2026-01-09", "OCC"),
      permit("2024-01-01", "2024-06-30"),
    ]);
    expect(cellsOf(cells, "permits_first")).toEqual([
      { period: "2024-01", age: "Y18-34", ...blank, d1: "FAM", d2: "6-11M", d3: "UNK", n: 1 },
      { period: "2025-01", age: "Y18-34", ...blank, d1: "OCC", d2: "GE12M", d3: "UNK", n: 1 },
    ]);
  });

  it("does not count a permit starting within 6 months of the end of another", () => {
    // C from 2024-10-01: window from 2024-04-01, A (to 2024-06-30) covered days in it: not first.
    const cells = personContributions([
      permit("2024-01-01", "2024-06-30"),
      permit("2024-10-01", "2025-09-30"),
    ]);
    expect(cellsOf(cells, "permits_first").map((cell) => cell.period)).toEqual(["2024-01"]);
  });

  it("places the 6-month boundary exactly", () => {
    // A ends 2024-06-30. From 2025-01-01 the window starts 2024-07-01, after A: first (the gap
    // 2024-07-01..2024-12-31 is 6 whole months). From 2024-12-31 the window starts 2024-06-30 (31 Dec
    // - 6 months, clamped to June's last day), which A covered: not first (gap one day short).
    const first = personContributions([
      permit("2024-01-01", "2024-06-30"),
      permit("2025-01-01", "2025-12-31"),
    ]);
    expect(cellsOf(first, "permits_first").map((cell) => cell.period)).toEqual(["2024-01", "2025-01"]);
    const notFirst = personContributions([
      permit("2024-01-01", "2024-06-30"),
      permit("2024-12-31", "2025-12-30"),
    ]);
    expect(cellsOf(notFirst, "permits_first").map((cell) => cell.period)).toEqual(["2024-01"]);
    // A renewal the day after the end: not first.
    const renewal = personContributions([
      permit("2024-01-01", "2024-06-30"),
      permit("2024-07-01", "2025-06-30"),
    ]);
    expect(cellsOf(renewal, "permits_first").map((cell) => cell.period)).toEqual(["2024-01"]);
  });

  it("classes the length of validity, and does not count a permit of less than 3 months", () => {
    // wholeMonths counts from the first day to the day after the last.
    expect(validityClass("2025-01-01", "2025-03-30")).toBeNull(); // 2 months 30 days
    expect(validityClass("2025-01-01", "2025-03-31")).toBe("3-5M"); // 3 months
    expect(validityClass("2025-01-01", "2025-06-29")).toBe("3-5M"); // 5 months 29 days
    expect(validityClass("2025-01-01", "2025-06-30")).toBe("6-11M"); // 6 months
    expect(validityClass("2025-01-01", "2025-12-30")).toBe("6-11M"); // 11 months 30 days
    expect(validityClass("2025-01-01", "2025-12-31")).toBe("GE12M"); // 12 months
    expect(validityClass("2025-01-15", "2030-01-14")).toBe("GE12M");
    // A 2-month authorisation is not a residence permit (Art. 2(1)(m)): neither a first permit nor
    // valid at the end of January.
    const cells = personContributions([permit("2025-01-10", "2025-03-09")]);
    expect(cellsOf(cells, "permits_first")).toEqual([]);
    expect(cellsOf(cells, "permits_valid_stock")).toEqual([]);
  });

  it("does not let an authorisation of less than 3 months make a later permit not first", () => {
    // A 2-month authorisation 2025-01-01..2025-02-28, then a 1-year permit from 2025-03-01: the
    // authorisation is no residence permit, so the permit is the person's first.
    const cells = personContributions([
      permit("2025-01-01", "2025-02-28", "OTH"),
      permit("2025-03-01", "2026-02-28", "EDUC"),
    ]);
    expect(cellsOf(cells, "permits_first")).toEqual([
      { period: "2025-03", age: "Y18-34", ...blank, d1: "EDUC", d2: "GE12M", d3: "UNK", n: 1 },
    ]);
  });

  it("counts a permit valid on the last day of a month in that month's stock, with reason OTH by default", () => {
    // Valid 2024-11-01..2025-01-31: valid at the ends of November to January, so +1 November,
    // -1 February. Valid 2024-12-01..2025-03-30: at the ends of December to February, not March.
    const cells = personContributions([
      record({ kind: "permit", date: "2024-11-01", endDate: "2025-01-31", reason: null }),
    ]);
    expect(cellsOf(cells, "permits_valid_stock")).toEqual([
      { period: "2024-11", age: "Y18-34", ...blank, d1: "OTH", d2: "UNK", n: 1 },
      { period: "2025-02", age: "Y18-34", ...blank, d1: "OTH", d2: "UNK", n: -1 },
    ]);
    const shortOfMarch = personContributions([
      record({ kind: "permit", date: "2024-12-01", endDate: "2025-03-30", reason: "EDUC" }),
    ]);
    expect(cellsOf(shortOfMarch, "permits_valid_stock")).toEqual([
      { period: "2024-12", age: "Y18-34", ...blank, d1: "EDUC", d2: "UNK", n: 1 },
      { period: "2025-03", age: "Y18-34", ...blank, d1: "EDUC", d2: "UNK", n: -1 },
    ]);
  });

  it("counts the holder of several valid permits once, under the reason of the permit issued last", () => {
    // FAM 2024-01-01..2026-12-31 and OCC 2025-06-01..2025-12-31 overlap: one holder at every month
    // end, FAM until May 2025, OCC from June to December 2025 (issued last), FAM again from January.
    const cells = personContributions([
      permit("2024-01-01", "2026-12-31", "FAM"),
      permit("2025-06-01", "2025-12-31", "OCC"),
    ]);
    expect(cellsOf(cells, "permits_valid_stock")).toEqual([
      { period: "2024-01", age: "Y18-34", ...blank, d1: "FAM", d2: "UNK", n: 1 },
      { period: "2025-06", age: "Y18-34", ...blank, d1: "FAM", d2: "UNK", n: -1 },
      { period: "2025-06", age: "Y35-64", ...blank, d1: "OCC", d2: "UNK", n: 1 },
      { period: "2026-01", age: "Y35-64", ...blank, d1: "FAM", d2: "UNK", n: 1 },
      { period: "2026-01", age: "Y35-64", ...blank, d1: "OCC", d2: "UNK", n: -1 },
      { period: "2027-01", age: "Y35-64", ...blank, d1: "FAM", d2: "UNK", n: -1 },
    ]);
  });
});

describe("enforcement", () => {
  it("counts a person once per year and kind", () => {
    // Refused entry in 2025-02, 2025-07 and 2026-01: 2025-02 and 2026-01. Ordered to leave in
    // 2025-04, returned under that order in 2025-05: once each. Born 1990-06-15: 35 by January
    // 2026, so Y35-64 then.
    const order = record({ kind: "order_to_leave", caseType: "return", date: "2025-04-02" });
    const cells = personContributions([
      record({ kind: "refused_entry", caseType: "border", date: "2025-07-01" }),
      record({ kind: "refused_entry", caseType: "border", date: "2025-02-14" }),
      record({ kind: "refused_entry", caseType: "border", date: "2026-01-02" }),
      order,
      record({ kind: "return", caseType: "return", date: "2025-05-20", orderRecordId: order.recordId }),
    ]);
    expect(cellsOf(cells, "enforcement")).toEqual([
      { period: "2025-02", age: "Y18-34", ...blank, d1: "REFUSED", n: 1 },
      { period: "2025-04", age: "Y18-34", ...blank, d1: "ORDERED", n: 1 },
      { period: "2025-05", age: "Y18-34", ...blank, d1: "RETURNED", n: 1 },
      { period: "2026-01", age: "Y35-64", ...blank, d1: "REFUSED", n: 1 },
    ]);
  });

  it("counts only returns that followed an order to leave of the person", () => {
    // An order of 2025-03-01. Returns in 2025: without an order (May), under an order the person's
    // records do not hold (June), dated before its order (February): none counts. The return of
    // 2026-01-10 under the order counts in 2026.
    const order = record({ kind: "order_to_leave", caseType: "return", date: "2025-03-01" });
    const returned = (date: string, orderRecordId: string | null) =>
      record({ kind: "return", caseType: "return", date, orderRecordId });
    const cells = personContributions([
      order,
      returned("2025-05-20", null),
      returned("2025-06-20", "import:orders_to_leave:elsewhere"),
      returned("2025-02-20", order.recordId),
      returned("2026-01-10", order.recordId),
    ]);
    expect(cellsOf(cells, "enforcement").filter((cell) => cell.d1 === "RETURNED")).toEqual([
      { period: "2026-01", age: "Y35-64", ...blank, d1: "RETURNED", n: 1 },
    ]);
  });

  it("counts a detention at month ends until the day of release, by region", () => {
    // Detained 2025-03-10, released 2025-04-30: still detained on 30 April (the end date is the
    // release day, counted), so -1 in May.
    const cells = personContributions([
      record({
        kind: "detention",
        caseType: "return",
        date: "2025-03-10",
        endDate: "2025-04-30",
        region: "AZ-BA",
      }),
    ]);
    expect(cellsOf(cells, "detention_stock")).toEqual([
      { period: "2025-03", age: "", ...blank, d1: "AZ-BA", n: 1 },
      { period: "2025-05", age: "", ...blank, d1: "AZ-BA", n: -1 },
    ]);
  });
});

describe("national tables", () => {
  it("counts registrations and applications by region and case type (records, not persons)", () => {
    const cells = personContributions([
      record({ kind: "registration", caseType: "stay-registration", date: "2025-02-03", region: "AZ-BA" }),
      record({ kind: "registration", caseType: "stay-registration", date: "2025-02-20", region: null }),
      record({
        kind: "application",
        caseType: "work-permit",
        date: "2025-02-05",
        region: "AZ-GA",
        endDate: "2025-02-20",
      }),
      record({
        kind: "application",
        caseType: "work-permit",
        date: "2025-02-25",
        region: "AZ-GA",
        endDate: "2025-02-27",
      }),
    ]);
    expect(cellsOf(cells, "registrations")).toEqual([
      { period: "2025-02", age: "", ...blank, d1: "AZ-BA", n: 1 },
      { period: "2025-02", age: "", ...blank, d1: "UNK", n: 1 },
    ]);
    // Two applications of one person in one month: two records, each counted.
    expect(cellsOf(cells, "applications")).toEqual([
      { period: "2025-02", age: "", ...blank, d1: "work-permit", d2: "AZ-GA", n: 1 },
      { period: "2025-02", age: "", ...blank, d1: "work-permit", d2: "AZ-GA", n: 1 },
    ]);
    // Both decided within February: no backlog.
    expect(cellsOf(cells, "backlog_stock")).toEqual([]);
  });

  it("counts processing time in days, within or beyond the legal time", () => {
    // Lodged 2025-01-10, decided 2025-03-11: 21 + 28 + 11 = 60 days. Deadline 2025-03-10: LATE;
    // deadline 2025-03-11 (the day itself): WITHIN; no deadline: UNK.
    const decision = (deadline: string | null) =>
      record({
        kind: "decision",
        caseType: "work-permit",
        date: "2025-03-11",
        outcome: "GRANTED",
        instance: "first",
        region: "AZ-BA",
        lodgedOn: "2025-01-10",
        deadline,
      });
    const cells = personContributions([decision("2025-03-10"), decision("2025-03-11"), decision(null)]);
    expect(cellsOf(cells, "processing")).toEqual([
      { period: "2025-03", age: "", ...blank, d1: "work-permit", d2: "LATE", n: 1, total: 60 },
      { period: "2025-03", age: "", ...blank, d1: "work-permit", d2: "UNK", n: 1, total: 60 },
      { period: "2025-03", age: "", ...blank, d1: "work-permit", d2: "WITHIN", n: 1, total: 60 },
    ]);
    expect(cellsOf(cells, "decisions")).toHaveLength(3);
    expect(cellsOf(cells, "decisions")[0]).toEqual({
      period: "2025-03",
      age: "",
      ...blank,
      d1: "work-permit",
      d2: "GRANTED",
      d3: "AZ-BA",
      n: 1,
    });
    // A final decision counts in neither the national decisions nor the processing time.
    const final = personContributions([
      record({
        kind: "decision",
        caseType: "work-permit",
        date: "2025-03-11",
        outcome: "REFUSED",
        instance: "final",
        lodgedOn: "2025-01-10",
      }),
    ]);
    expect(cellsOf(final, "decisions")).toEqual([]);
    expect(cellsOf(final, "processing")).toEqual([]);
  });
});

describe("addPersonContributions", () => {
  const day = fc.integer({ min: 0, max: 3000 }).map((days) => addDays("2017-01-01", days));
  const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null });
  const recordArb = fc
    .record({
      kind: fc.constantFrom(...recordKinds),
      caseType: fc.constantFrom("asylum", "temporary-residence-permit", "stay-registration"),
      date: day,
      length: maybe(fc.integer({ min: 0, max: 900 })),
      outcome: maybe(fc.constantFrom(...asylumOutcomes, ...otherOutcomes)),
      instance: maybe(fc.constantFrom("first" as const, "final" as const)),
      reason: maybe(fc.constantFrom(...permitReasons)),
      region: maybe(fc.constantFrom("AZ-BA", "AZ-GA")),
      withdrawn: fc.boolean(),
      unaccompanied: fc.boolean(),
      lodgedBefore: maybe(fc.integer({ min: 0, max: 400 })),
      deadlineAfter: maybe(fc.integer({ min: 0, max: 400 })),
      order: maybe(fc.nat({ max: 5 })),
    })
    .map(({ length, lodgedBefore, deadlineAfter, order, ...facts }) =>
      record({
        ...facts,
        endDate: length === null ? null : addDays(facts.date, length),
        lodgedOn: lodgedBefore === null ? null : addDays(facts.date, -lodgedBefore),
        deadline: deadlineAfter === null ? null : addDays(facts.date, deadlineAfter),
        orderRecordId: order === null ? null : `test:${String(order).padStart(4, "0")}`,
      }),
    );
  const personArb = fc.record({
    citizenship: fc.constantFrom("SY", "AF", "STLS", "UNK"),
    sex: fc.constantFrom("F" as const, "M" as const, "UNK" as const),
    birthDate: maybe(day.map((date) => addDays(date, -9000))),
  });

  it("sums what sumCells(personContributions(...)) sums, into any sum and either way", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(personArb, fc.array(recordArb, { maxLength: 8 })), { maxLength: 4 }),
        fc.constantFrom(1, -1),
        (persons, sign) => {
          const byList = new Map<string, CubeCell>();
          const added = new Map<string, CubeCell>();
          for (const [person, records] of persons) {
            const own = records.map((item) => ({ ...item, person: { ...item.person, ...person } }));
            // Each person's cells go into a sum that already holds the others'.
            sumCells(personContributions(own), sign, byList);
            addPersonContributions(own, sign, added);
          }
          expect([...added.entries()]).toEqual([...byList.entries()]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
