import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ageGroupOn } from "../eurostat/age-groups.js";
import type { StatisticalRecord } from "../facts/statistical-record.js";
import { statisticalRecord } from "../test-support/statistical-record.js";
import type { CellDimensions, CubeCell, CubeTable } from "./cube-cell.js";
import { addDays, addMonthsToDate, addMonthsToMonth, endOfMonth, wholeMonths } from "./months.js";
import { personContributions } from "./person-contributions.js";
import { stockChanges } from "./stock-changes.js";

const FIRST_MONTH = "2019-12";
const LAST_MONTH = "2031-06";

function monthRange(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = from; month <= to; month = addMonthsToMonth(month, 1)) months.push(month);
  return months;
}

const dimensionKey = (dims: CellDimensions) =>
  [dims.citizen, dims.sex, dims.age, dims.d1, dims.d2, dims.d3].join("|");

/** The stock at the end of `month` from the changes: every change up to the month, by dimensions. */
function stockFromChanges(cells: CubeCell[], table: CubeTable, month: string): Map<string, number> {
  const stock = new Map<string, number>();
  for (const cell of cells) {
    if (cell.tableCode !== table || cell.period > month) continue;
    const key = dimensionKey(cell);
    stock.set(key, (stock.get(key) ?? 0) + cell.n);
  }
  for (const [key, n] of stock) if (n === 0) stock.delete(key);
  return stock;
}

/** A spell as the naive counter sees it: in the stock on `reference` or not, and with which dimensions. */
interface NaiveSpell {
  inStock(reference: string): boolean;
  dimensionsAt(reference: string): CellDimensions;
}

/** The stock at the end of `month` counted one spell at a time on the month's last day. */
function naiveStock(spells: NaiveSpell[], month: string): Map<string, number> {
  const reference = endOfMonth(month);
  const stock = new Map<string, number>();
  for (const spell of spells) {
    if (!spell.inStock(reference)) continue;
    const key = dimensionKey(spell.dimensionsAt(reference));
    stock.set(key, (stock.get(key) ?? 0) + 1);
  }
  return stock;
}

/**
 * A stock of persons counted on the month's last day: the person once, when any spell is in the
 * stock, with the dimensions of the spell `chosen` picks among those in it.
 */
function naivePersonStock(
  spells: NaiveSpell[],
  chosen: (inStock: NaiveSpell[]) => NaiveSpell,
): (month: string) => Map<string, number> {
  return (month) => {
    const reference = endOfMonth(month);
    const inStock = spells.filter((spell) => spell.inStock(reference));
    if (inStock.length === 0) return new Map();
    return new Map([[dimensionKey(chosen(inStock).dimensionsAt(reference)), 1]]);
  };
}

function expectSameStocks(
  cells: CubeCell[],
  table: CubeTable,
  expected: NaiveSpell[] | ((month: string) => Map<string, number>),
): void {
  for (const month of monthRange(FIRST_MONTH, LAST_MONTH)) {
    const fromChanges = Object.fromEntries([...stockFromChanges(cells, table, month)].sort());
    const stock = typeof expected === "function" ? expected(month) : naiveStock(expected, month);
    const naive = Object.fromEntries([...stock].sort());
    expect(fromChanges, `${table} at the end of ${month}`).toEqual(naive);
  }
}

// Dates from 2020 to 2027, often on the first or last day of a month (where off-by-one errors live).
const dateArb = fc.oneof(
  fc.integer({ min: 0, max: 2921 }).map((days) => addDays("2020-01-01", days)),
  fc.tuple(fc.integer({ min: 0, max: 95 }), fc.boolean()).map(([index, last]) => {
    const month = addMonthsToMonth("2020-01", index);
    return last ? endOfMonth(month) : `${month}-01`;
  }),
);

// A birth date near an age boundary of 2020-2027 (so spells cross age groups), a 29 February, or unknown.
const birthArb = fc.oneof(
  fc
    .tuple(fc.constantFrom(14, 18, 35, 65), fc.integer({ min: 0, max: 2921 }))
    .map(([age, days]) => addMonthsToDate(addDays("2020-01-01", days), -12 * age)),
  fc.constantFrom("2004-02-29", "2008-02-29", "1960-02-29", "2008-01-31", "2007-12-01"),
  fc.constant(null),
);

// How long a spell lasts: ends before it starts, within days, within months, or never.
const lengthArb = fc.oneof(
  fc.integer({ min: -40, max: 0 }),
  fc.integer({ min: 1, max: 62 }),
  fc.integer({ min: 1, max: 1500 }),
  fc.constant(null),
);

const spellArb = fc.record({
  start: dateArb,
  length: lengthArb,
  reason: fc.constantFrom("FAM", "EDUC", "OCC", "OTH", "OCC_RES", "EDUC_STUD" as const),
  region: fc.constantFrom("AZ-BA", "AZ-GA", null),
  caseType: fc.constantFrom("asylum", "work-permit"),
});

const personArb = fc.record({
  birthDate: birthArb,
  spells: fc.array(spellArb, { minLength: 1, maxLength: 5 }),
});

function baseRecord(id: number, birthDate: string | null): StatisticalRecord {
  return statisticalRecord({
    recordId: `test:${String(id).padStart(3, "0")}`,
    person: { personKey: "p", citizenship: "AF", sex: "F", birthDate },
  });
}

function person(
  birthDate: string | null,
  reference: string,
  free: Partial<CellDimensions> = {},
): CellDimensions {
  return { citizen: "AF", sex: "F", age: ageGroupOn(birthDate, reference), d1: "", d2: "", d3: "", ...free };
}

function backlogClass(lodged: string, reference: string): string {
  const months = wholeMonths(lodged, addDays(reference, -1));
  return months < 1 ? "M_LT1" : months < 3 ? "M1-2" : months < 6 ? "M3-5" : months < 12 ? "M6-11" : "M_GE12";
}

const RUNS = { numRuns: 150 };

describe("stock changes", () => {
  it("write nothing for a spell over before the end of its first month", () => {
    const dims = { citizen: "AF", sex: "F", age: "Y18-34", d1: "", d2: "", d3: "" };
    const spell = { tableCode: "asylum_pending_stock" as const, changeDates: [], dimensionsAt: () => dims };
    expect(stockChanges({ ...spell, start: "2025-01-01", endExclusive: "2025-01-31" })).toEqual([]);
    expect(stockChanges({ ...spell, start: "2025-03-01", endExclusive: "2025-02-10" })).toEqual([]);
    // Open: +1 and nothing else (no change dates).
    expect(stockChanges({ ...spell, start: "2025-01-31", endExclusive: null })).toEqual([
      { tableCode: "asylum_pending_stock", period: "2025-01", ...dims, n: 1, total: 0 },
    ]);
  });

  it("summed up to each month give the stock counted at the month's end (spells crossing age groups)", () => {
    // For every month M: the changes with period <= M, by dimensions, equal the spells in the stock
    // on endOfMonth(M) counted one by one with their age group on that day.
    fc.assert(
      fc.property(birthArb, spellArb, (birthDate, spell) => {
        const endExclusive = spell.length === null ? null : addDays(spell.start, spell.length);
        const dimensionsAt = (reference: string) => person(birthDate, reference, { d1: spell.reason });
        const birthdays = birthDate
          ? [14, 18, 35, 65].map((age) => addMonthsToDate(birthDate, age * 12))
          : [];
        const cells = stockChanges({
          tableCode: "permits_valid_stock",
          start: spell.start,
          endExclusive,
          changeDates: birthdays,
          dimensionsAt,
        });
        expectSameStocks(cells, "permits_valid_stock", [
          {
            inStock: (reference) =>
              spell.start <= reference && (endExclusive === null || endExclusive > reference),
            dimensionsAt,
          },
        ]);
      }),
      RUNS,
    );
  });

  it("of a person's asylum applications give the person pending at each month's end, once", () => {
    // Pending on a day: lodged on or before it and not decided or withdrawn on or before it. The
    // stock counts persons: one with two applications pending is there once.
    fc.assert(
      fc.property(personArb, ({ birthDate, spells }) => {
        const records = spells.map(
          (spell, index): StatisticalRecord => ({
            ...baseRecord(index, birthDate),
            kind: "application",
            date: spell.start,
            endDate: spell.length === null ? null : addDays(spell.start, spell.length),
          }),
        );
        const naive = records.map(
          (record): NaiveSpell => ({
            inStock: (reference) =>
              record.date <= reference && (record.endDate === null || record.endDate > reference),
            // First instance: these applications have no appeal.
            dimensionsAt: (reference) => person(birthDate, reference, { d1: "FIRST" }),
          }),
        );
        expectSameStocks(
          personContributions(records),
          "asylum_pending_stock",
          naivePersonStock(naive, (inStock) => inStock[0] as NaiveSpell),
        );
      }),
      RUNS,
    );
  });

  it("of a person's permits give the holder at each month's end, once, by the reason of the last permit", () => {
    // Valid on a day: valid from on or before it and valid to on or after it. Only permits of 3
    // months or more are residence permits. A holder of several counts once, under the reason of
    // the one valid from the latest day (then the greatest record id).
    fc.assert(
      fc.property(personArb, ({ birthDate, spells }) => {
        const records = spells.map(
          (spell, index): StatisticalRecord => ({
            ...baseRecord(index, birthDate),
            kind: "permit",
            caseType: "temporary-residence-permit",
            date: spell.start,
            endDate: addDays(spell.start, (spell.length ?? 3000) - 1),
            reason: spell.reason,
          }),
        );
        const residencePermits = records
          .filter((record) => wholeMonths(record.date, record.endDate as string) >= 3)
          .sort((a, b) =>
            a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.recordId < b.recordId ? 1 : -1,
          );
        const naive = residencePermits.map(
          (record): NaiveSpell => ({
            inStock: (reference) => record.date <= reference && (record.endDate as string) >= reference,
            // Counted by the main reason (before "_"), and by the sub-reason, UNK when none was recorded.
            dimensionsAt: (reference) => {
              const [main, sub] = (record.reason ?? "OTH").split("_");
              return person(birthDate, reference, { d1: main, d2: sub ? (record.reason as string) : "UNK" });
            },
          }),
        );
        expectSameStocks(
          personContributions(records),
          "permits_valid_stock",
          naivePersonStock(naive, (inStock) => inStock[0] as NaiveSpell),
        );
      }),
      RUNS,
    );
  });

  it("of a person's detentions give the persons detained at each month's end, by region", () => {
    // Detained on a day: detained on or before it and released on or after it (or not yet).
    fc.assert(
      fc.property(personArb, ({ birthDate, spells }) => {
        const records = spells.map(
          (spell, index): StatisticalRecord => ({
            ...baseRecord(index, birthDate),
            kind: "detention",
            caseType: "return",
            date: spell.start,
            endDate: spell.length === null ? null : addDays(spell.start, spell.length - 1),
            region: spell.region,
          }),
        );
        const naive = records.map(
          (record): NaiveSpell => ({
            inStock: (reference) =>
              record.date <= reference && (record.endDate === null || record.endDate >= reference),
            dimensionsAt: (reference) =>
              person(birthDate, reference, { sex: "", age: "", d1: record.region ?? "UNK" }),
          }),
        );
        expectSameStocks(personContributions(records), "detention_stock", naive);
      }),
      RUNS,
    );
  });

  it("of a person's applications give the backlog at each month's end, by case type and age of the application", () => {
    // The backlog class is the one the module gives an application on the month's last day.
    fc.assert(
      fc.property(personArb, ({ birthDate, spells }) => {
        const records = spells.map(
          (spell, index): StatisticalRecord => ({
            ...baseRecord(index, birthDate),
            kind: "application",
            caseType: spell.caseType,
            date: spell.start,
            endDate: spell.length === null ? null : addDays(spell.start, spell.length),
          }),
        );
        const naive = records.map(
          (record): NaiveSpell => ({
            inStock: (reference) =>
              record.date <= reference && (record.endDate === null || record.endDate > reference),
            dimensionsAt: (reference) =>
              person(birthDate, reference, {
                sex: "",
                age: "",
                d1: record.caseType,
                d2: backlogClass(record.date, reference),
              }),
          }),
        );
        expectSameStocks(personContributions(records), "backlog_stock", naive);
      }),
      RUNS,
    );
  });
});
