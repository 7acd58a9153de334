import { describe, expect, it } from "vitest";
import { parseOccupancyPeriod, parsePaging, parseStayFilters } from "./detention-filters.js";

const today = "2026-02-20";
const problems = (parsed: { ok: boolean; problems?: unknown }) => (parsed.ok ? [] : parsed.problems);

describe("the occupancy's period", () => {
  it("is the last 7 days by default, or a week from or to the one end given", () => {
    expect(parseOccupancyPeriod({}, today)).toEqual({ ok: true, value: { from: "2026-02-14", to: today } });
    expect(parseOccupancyPeriod({ from: "2026-01-01" }, today)).toEqual({
      ok: true,
      value: { from: "2026-01-01", to: "2026-01-07" },
    });
    expect(parseOccupancyPeriod({ from: "2026-02-18" }, today)).toEqual({
      ok: true,
      value: { from: "2026-02-18", to: today },
    });
    expect(parseOccupancyPeriod({ to: "2026-01-31", from: " " }, today)).toEqual({
      ok: true,
      value: { from: "2026-01-25", to: "2026-01-31" },
    });
  });

  it("may last a year at most, end by today, and not end before it starts", () => {
    expect(parseOccupancyPeriod({ from: "2025-02-21", to: today }, today).ok).toBe(true);
    expect(problems(parseOccupancyPeriod({ from: "2025-02-20", to: today }, today))).toEqual([
      { field: "to", messageKey: "detention.errors.periodTooLong" },
    ]);
    expect(problems(parseOccupancyPeriod({ from: "2026-02-01", to: "2026-02-21" }, today))).toEqual([
      { field: "to", messageKey: "detention.errors.periodFuture" },
    ]);
    expect(problems(parseOccupancyPeriod({ from: "2026-02-22" }, today))).toEqual([
      { field: "from", messageKey: "detention.errors.periodFuture" },
    ]);
    expect(problems(parseOccupancyPeriod({ from: "2026-02-10", to: "2026-02-09" }, today))).toEqual([
      { field: "to", messageKey: "detention.errors.periodOrder" },
    ]);
    expect(problems(parseOccupancyPeriod({ from: "2026-02-30", to: "20.02.2026" }, today))).toEqual([
      { field: "from", messageKey: "detention.errors.periodDate" },
      { field: "to", messageKey: "detention.errors.periodDate" },
    ]);
  });
});

describe("the register's filters", () => {
  it("reads the query, empty fields meaning no filter", () => {
    expect(parseStayFilters({ q: " Karimov ", status: "", overdue: "on", from: "2026-02-01" })).toEqual({
      ok: true,
      value: { q: "Karimov", centre: "", status: null, overdue: true, from: "2026-02-01", to: null },
    });
    expect(parsePaging({ page: "3" }, 25)).toEqual({ ok: true, value: { page: 3, limit: 25 } });
  });

  it("names each filter that is not valid", () => {
    expect(
      problems(
        parseStayFilters({ status: "escaped", overdue: "maybe", from: "2026-02-10", to: "2026-02-01" }),
      ),
    ).toEqual([
      { field: "status", messageKey: "detention.errors.filterStatus" },
      { field: "overdue", messageKey: "detention.errors.filterOverdue" },
      { field: "to", messageKey: "detention.errors.periodOrder" },
    ]);
    expect(problems(parsePaging({ page: "0", limit: "500" }, 25))).toEqual([
      { field: "page", messageKey: "detention.errors.page" },
      { field: "limit", messageKey: "detention.errors.limit" },
    ]);
  });
});
