import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/database.js";
import { queryRows } from "../../../platform/db/index.js";
import { importFiles, importStatisticalRecords } from "../facts/import-records.js";
import { type PersonFacts, permitReasons, type StatisticalRecord } from "../facts/statistical-record.js";
import { computeExactTable } from "./compute-official-table.js";
import { tableDefinition, tableDefinitions } from "./table-definitions.js";

/*
 * Every official table, computed the fast way (records stored as `karvan import` stores them, cubes
 * kept by each person's change of contribution, sums of the cubes rolled up), must equal a count
 * written out plainly from the records by the rules of Regulation (EC) No 862/2007 and Eurostat's
 * methodology, cell by cell and with every total. Nothing below uses the cube code: dates, ages,
 * lengths of validity and totals are worked out here again, the obvious way.
 */

// ---- Plain calendar arithmetic on YYYY-MM-DD ----

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function plusDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** The same day `months` later (or earlier), or the last day of a shorter month. */
function plusMonths(date: string, months: number): string {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month));
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Whether a date falls in a period written YYYY, YYYY-Qn or YYYY-MM. */
function inPeriod(date: string, period: string): boolean {
  if (period.length === 4) return date.startsWith(period);
  if (period[5] === "Q") {
    const quarter = Math.ceil(Number(date.slice(5, 7)) / 3);
    return date.startsWith(period.slice(0, 4)) && `Q${quarter}` === period.slice(5);
  }
  return date.startsWith(period);
}

/** The last day of a period: the day a stock is counted on. */
function lastDayOf(period: string): string {
  const year = Number(period.slice(0, 4));
  const month =
    period.length === 4 ? 12 : period[5] === "Q" ? Number(period[6]) * 3 : Number(period.slice(5));
  return `${pad(year, 4)}-${pad(month)}-${pad(daysInMonth(year, month))}`;
}

/** Age class in completed years on a day; unknown without a birth date or with one after the day. */
function ageOn(birthDate: string | null, day: string): string {
  if (birthDate === null || birthDate > day) return "UNK";
  let years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  if (day.slice(5) < birthDate.slice(5)) years -= 1;
  if (years < 14) return "Y_LT14";
  if (years < 18) return "Y14-17";
  if (years < 35) return "Y18-34";
  if (years < 65) return "Y35-64";
  return "Y_GE65";
}

/** Unaccompanied minors' age classes (Regulation (EU) 2020/851): 14-17 split into 14-15 and 16-17. */
function unaccompaniedAgeOn(birthDate: string | null, day: string): string {
  const age = ageOn(birthDate, day);
  if (age !== "Y14-17" || birthDate === null) return age;
  let years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  if (day.slice(5) < birthDate.slice(5)) years -= 1;
  return years < 16 ? "Y14-15" : "Y16-17";
}

/** Whole months of validity, counted as at least `months` from the first day to the day after the last. */
function validFor(permit: StatisticalRecord, months: number): boolean {
  return plusMonths(permit.date, months) <= plusDays(permit.endDate as string, 1);
}

// ---- The rules, from the records ----

type Unit = Record<string, string>;

const earliest = (a: StatisticalRecord, b: StatisticalRecord) =>
  a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.recordId < b.recordId ? -1 : 1;

function byPerson(records: StatisticalRecord[]): StatisticalRecord[][] {
  const persons = new Map<string, StatisticalRecord[]>();
  for (const record of records) {
    const list = persons.get(record.person.personKey) ?? [];
    list.push(record);
    persons.set(record.person.personKey, list);
  }
  return [...persons.values()];
}

function person(record: StatisticalRecord, ageDay: string): Unit {
  return {
    citizen: record.person.citizenship,
    sex: record.person.sex,
    age: ageOn(record.person.birthDate, ageDay),
  };
}

/** Persons with such a record in the period, once each, aged on the day of their first one. */
function personsOnce(records: StatisticalRecord[], period: string): Unit[] {
  return byPerson(records.filter((record) => inPeriod(record.date, period))).map((own) => {
    const first = [...own].sort(earliest)[0] as StatisticalRecord;
    return person(first, first.date);
  });
}

const isAsylumApplication = (record: StatisticalRecord) =>
  record.kind === "application" && record.caseType === "asylum";

/** Pending at first instance or on appeal (Regulation (EU) 2020/851: an appeal has its own lodging date). */
const isAsylumProcedure = (record: StatisticalRecord) =>
  (record.kind === "application" || record.kind === "appeal") && record.caseType === "asylum";

/** A permit's reason, and its sub-reason beside it (UNK when recorded with its reason only). */
function reasons(permit: StatisticalRecord): Unit {
  const recorded = permit.reason ?? "OTH";
  const reason = recorded.split("_")[0] as string;
  return { reason, sub_reason: recorded === reason ? "UNK" : recorded };
}

/** Returns that followed an order of the same person issued on or before the day of the return. */
const returnsAfterOrders = (all: StatisticalRecord[]) =>
  all.filter(
    (r) =>
      r.kind === "return" &&
      all.some(
        (order) =>
          order.kind === "order_to_leave" &&
          order.recordId === r.orderRecordId &&
          order.person.personKey === r.person.personKey &&
          order.date <= r.date,
      ),
  );

/** A residence permit is an authorisation valid for 3 months or more (Art. 2(1)(m)). */
const isResidencePermit = (record: StatisticalRecord) =>
  record.kind === "permit" && record.endDate !== null && validFor(record, 3);

function durationClass(permit: StatisticalRecord): string {
  if (validFor(permit, 12)) return "GE12M";
  if (validFor(permit, 6)) return "6-11M";
  return "3-5M";
}

const PERSON = ["citizen", "sex", "age"];

const WITHDRAWAL_CODES: Record<string, string> = { explicit: "EXPL", implicit: "IMPL" };
const DESTINATION_CODES: Record<string, string> = { origin: "COO", transit: "TRANSIT", other: "OTH_TC" };

/** Each table's dimensions and what it counts, written from the regulation's rules. */
const byTheRules: Record<
  string,
  { dimensions: string[]; count(all: StatisticalRecord[], period: string): Unit[] }
> = {
  // Art. 4(1)(a): persons applying in the month, once; first-time applicants in the month of their
  // first application ever.
  "asylum-applicants": {
    dimensions: [...PERSON, "asyl_app"],
    count: (all, period) =>
      byPerson(all.filter(isAsylumApplication)).flatMap((own) => {
        const ofMonth = own.filter((record) => inPeriod(record.date, period)).sort(earliest);
        const first = ofMonth[0];
        if (!first) return [];
        const firstEver = [...own].sort(earliest)[0] as StatisticalRecord;
        const unit = person(first, first.date);
        return inPeriod(firstEver.date, period)
          ? [
              { ...unit, asyl_app: "ASY_APP" },
              { ...unit, asyl_app: "NASY_APP" },
            ]
          : [{ ...unit, asyl_app: "ASY_APP" }];
      }),
  },
  // Art. 4(1)(b): persons with an application under consideration at the end of the month, at
  // first instance or on appeal, once, under the instance of the earliest one.
  "asylum-pending": {
    dimensions: [...PERSON, "instance"],
    count: (all, period) => {
      const end = lastDayOf(period);
      const pending = all.filter(
        (record) =>
          isAsylumProcedure(record) &&
          record.date <= end &&
          (record.endDate === null || record.endDate > end),
      );
      return byPerson(pending).map((own) => {
        const first = [...own].sort(earliest)[0] as StatisticalRecord;
        return { ...person(first, end), instance: first.kind === "appeal" ? "APPEAL" : "FIRST" };
      });
    },
  },
  // Art. 4(1)(d): persons withdrawing in the month, at first instance or on appeal, once, aged on
  // their first withdrawal and under its type.
  "asylum-withdrawn": {
    dimensions: [...PERSON, "withdrawal"],
    count: (all, period) =>
      byPerson(
        all
          .filter((record) => isAsylumProcedure(record) && record.withdrawn && record.endDate)
          .map((record) => ({ ...record, date: record.endDate as string }))
          .filter((record) => inPeriod(record.date, period)),
      ).map((own) => {
        const first = [...own].sort(earliest)[0] as StatisticalRecord;
        const withdrawal = WITHDRAWAL_CODES[first.withdrawal ?? ""] ?? "UNK";
        return { ...person(first, first.date), withdrawal };
      }),
  },
  // Art. 4(1)(c): unaccompanied minors applying in the year, once, with 14-15 and 16-17 apart.
  "asylum-unaccompanied-minors": {
    dimensions: PERSON,
    count: (all, period) =>
      byPerson(all.filter((r) => isAsylumApplication(r) && r.unaccompanied && inPeriod(r.date, period))).map(
        (own) => {
          const first = [...own].sort(earliest)[0] as StatisticalRecord;
          return {
            ...person(first, first.date),
            age: unaccompaniedAgeOn(first.person.birthDate, first.date),
          };
        },
      ),
  },
  // Art. 4(2): first-instance decisions in the quarter, by outcome, aged on the decision.
  "asylum-first-instance-decisions": {
    dimensions: [...PERSON, "decision"],
    count: (all, period) =>
      all
        .filter(
          (r) =>
            r.kind === "decision" &&
            r.caseType === "asylum" &&
            r.outcome !== null &&
            r.instance !== "final" &&
            inPeriod(r.date, period),
        )
        .map((r) => ({ ...person(r, r.date), decision: r.outcome as string })),
  },
  // Art. 4(3): final decisions in the year, by outcome.
  "asylum-final-decisions": {
    dimensions: [...PERSON, "decision"],
    count: (all, period) =>
      all
        .filter(
          (r) =>
            r.kind === "decision" &&
            r.caseType === "asylum" &&
            r.outcome !== null &&
            r.instance === "final" &&
            inPeriod(r.date, period),
        )
        .map((r) => ({ ...person(r, r.date), decision: r.outcome as string })),
  },
  // Art. 6(1)(a): residence permits valid from a day of the year when no residence permit of the
  // person was valid on any day of the 6 months before.
  "first-permits": {
    dimensions: [...PERSON, "reason", "duration", "sub_reason"],
    count: (all, period) => {
      const permits = all.filter(isResidencePermit);
      return permits
        .filter((permit) => inPeriod(permit.date, period))
        .filter(
          (permit) =>
            !permits.some(
              (other) =>
                other.person.personKey === permit.person.personKey &&
                other.date < permit.date &&
                (other.endDate as string) >= plusMonths(permit.date, -6),
            ),
        )
        .map((permit) => ({
          ...person(permit, permit.date),
          ...reasons(permit),
          duration: durationClass(permit),
        }));
    },
  },
  // Art. 6(1)(a) and (b): every residence permit valid from a day of the year, as the source marks
  // it: a first one, a renewal or a change of status (UNK when not marked).
  "permits-issued": {
    dimensions: [...PERSON, "issue", "reason", "sub_reason"],
    count: (all, period) =>
      all
        .filter((permit) => isResidencePermit(permit) && inPeriod(permit.date, period))
        .map((permit) => ({
          ...person(permit, permit.date),
          ...reasons(permit),
          issue: permit.issue ? permit.issue.toUpperCase() : "UNK",
        })),
  },
  // Art. 6(1)(c): holders of a residence permit valid on 31 December, once, under the reason of
  // the permit valid from the latest day (then the greatest record id).
  "valid-permits": {
    dimensions: [...PERSON, "reason", "sub_reason"],
    count: (all, period) => {
      const end = lastDayOf(period);
      const valid = all.filter((r) => isResidencePermit(r) && r.date <= end && (r.endDate as string) >= end);
      return byPerson(valid).map((own) => {
        const last = [...own].sort(earliest).at(-1) as StatisticalRecord;
        return { ...person(last, end), ...reasons(last) };
      });
    },
  },
  // Art. 5(1)(a), 5(1)(b), 7(1)(a): persons in the year, once each.
  "refused-entry": {
    dimensions: PERSON,
    count: (all, period) =>
      personsOnce(
        all.filter((r) => r.kind === "refused_entry"),
        period,
      ),
  },
  "illegally-present": {
    dimensions: PERSON,
    count: (all, period) =>
      personsOnce(
        all.filter((r) => r.kind === "illegal_presence"),
        period,
      ),
  },
  "ordered-to-leave": {
    dimensions: PERSON,
    count: (all, period) =>
      personsOnce(
        all.filter((r) => r.kind === "order_to_leave"),
        period,
      ),
  },
  // Art. 7(1)(b): persons who left following an order to leave (theirs, issued on or before the
  // day they left) in the year, once each.
  returned: {
    dimensions: PERSON,
    count: (all, period) => personsOnce(returnsAfterOrders(all), period),
  },
  // Art. 7(1)(b) as amended by Regulation (EU) 2020/851: the same persons, by type of return,
  // assistance received and destination of their first return of the year.
  "returned-by-type": {
    dimensions: [...PERSON, "return_type", "assistance", "destination"],
    count: (all, period) =>
      byPerson(returnsAfterOrders(all).filter((r) => inPeriod(r.date, period))).map((own) => {
        const first = [...own].sort(earliest)[0] as StatisticalRecord;
        return {
          ...person(first, first.date),
          return_type: first.returnType ? first.returnType.toUpperCase() : "UNK",
          assistance:
            first.assisted === true ? "ASSISTED" : first.assisted === false ? "NOT_ASSISTED" : "UNK",
          destination: DESTINATION_CODES[first.destination ?? ""] ?? "UNK",
        };
      }),
  },
  // National tables count records (events), not persons.
  "stay-registrations": {
    dimensions: ["citizen", "region"],
    count: (all, period) =>
      all
        .filter((r) => r.kind === "registration" && inPeriod(r.date, period))
        .map((r) => ({ citizen: r.person.citizenship, region: r.region ?? "UNK" })),
  },
  "applications-by-type": {
    dimensions: ["case_type", "region"],
    count: (all, period) =>
      all
        .filter((r) => r.kind === "application" && inPeriod(r.date, period))
        .map((r) => ({ case_type: r.caseType, region: r.region ?? "UNK" })),
  },
  "decisions-by-type": {
    dimensions: ["case_type", "decision", "region"],
    count: (all, period) =>
      all
        .filter(
          (r) => r.kind === "decision" && r.outcome && r.instance !== "final" && inPeriod(r.date, period),
        )
        .map((r) => ({ case_type: r.caseType, decision: r.outcome as string, region: r.region ?? "UNK" })),
  },
  "work-permits": {
    dimensions: ["decision", "region"],
    count: (all, period) =>
      all
        .filter(
          (r) =>
            r.kind === "decision" &&
            r.caseType === "work-permit" &&
            r.outcome &&
            r.instance !== "final" &&
            inPeriod(r.date, period),
        )
        .map((r) => ({ decision: r.outcome as string, region: r.region ?? "UNK" })),
  },
  "violation-decisions": {
    dimensions: ["citizen", "region"],
    count: (all, period) =>
      all
        .filter((r) => r.kind === "violation_decision" && inPeriod(r.date, period))
        .map((r) => ({ citizen: r.person.citizenship, region: r.region ?? "UNK" })),
  },
};

/** Eurostat's asylum decision tables add the positive outcomes up to TOTAL_POS; the national ones do not. */
const WITH_TOTAL_POS = ["asylum-first-instance-decisions", "asylum-final-decisions"];

/** The codes a unit's code counts under in a dimension: itself, its aggregates and the total. */
function countsUnder(table: string, dimension: string, code: string): string[] {
  if (dimension === "asyl_app") return [code]; // first-time applicants are applicants already
  if (dimension === "sex") return [code, "T"];
  if (dimension === "age" && ["Y14-15", "Y16-17"].includes(code)) return [code, "Y14-17", "Y_LT18", "TOTAL"];
  if (dimension === "age")
    return ["Y_LT14", "Y14-17"].includes(code) ? [code, "Y_LT18", "TOTAL"] : [code, "TOTAL"];
  if (
    WITH_TOTAL_POS.includes(table) &&
    dimension === "decision" &&
    ["GENCONV", "SUB_PROT", "HUMSTAT"].includes(code)
  )
    return [code, "TOTAL_POS", "TOTAL"];
  return [code, "TOTAL"];
}

const grandTotal = (dimension: string) =>
  dimension === "sex" ? "T" : dimension === "asyl_app" ? "ASY_APP" : "TOTAL";

/** A cell's key: every dimension with its code, in the order of their names. */
const keyOf = (codes: Record<string, string>) =>
  Object.entries(codes)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([dimension, code]) => `${dimension}=${code}`)
    .join(" ");

/** Every cell with its count: each unit adds 1 to every combination of the codes it counts under. */
function plainTable(code: string, records: StatisticalRecord[], period: string): Record<string, number> {
  const rules = byTheRules[code];
  if (!rules) throw new Error(`no rule written for ${code}`);
  const cells = new Map<string, number>();
  for (const unit of rules.count(records, period)) {
    let combinations: Record<string, string>[] = [{}];
    for (const dimension of rules.dimensions) {
      const own = unit[dimension];
      if (own === undefined) throw new Error(`${code}: a unit without ${dimension}`);
      combinations = combinations.flatMap((partial) =>
        countsUnder(code, dimension, own).map((one) => ({ ...partial, [dimension]: one })),
      );
    }
    for (const combination of combinations) {
      const key = keyOf(combination);
      cells.set(key, (cells.get(key) ?? 0) + 1);
    }
  }
  const grand = keyOf(
    Object.fromEntries(rules.dimensions.map((dimension) => [dimension, grandTotal(dimension)])),
  );
  if (!cells.has(grand)) cells.set(grand, 0);
  return Object.fromEntries([...cells].sort(([a], [b]) => (a < b ? -1 : 1)));
}

// ---- Random persons and what happened to them ----

const FIRST_DAY = "2024-01-01";
const DAYS = 731; // 2024 and 2025

const dayArb = fc.oneof(
  fc.integer({ min: 0, max: DAYS - 1 }).map((days) => plusDays(FIRST_DAY, days)),
  // First and last days of months, where off-by-one mistakes live.
  fc.tuple(fc.integer({ min: 0, max: 23 }), fc.boolean()).map(([index, last]) => {
    const first = plusMonths(FIRST_DAY, index);
    return last ? lastDayOf(first.slice(0, 7)) : first;
  }),
);
const regionArb = fc.constantFrom("AZ-BA", "AZ-GA", null);
const later = fc.boolean(); // in the second import rather than the first

const personArb = fc.record({
  citizenship: fc.constantFrom("SY", "AF", "STLS", "UNK"),
  sex: fc.constantFrom("F", "M", "UNK" as const),
  birthDate: fc.oneof(
    fc.constant(null),
    fc.integer({ min: 0, max: 25_000 }).map((days) => plusDays("1955-01-01", days)),
    // Near 14 or 18 while things happen, and on 29 February.
    fc
      .tuple(fc.constantFrom(14, 18), fc.integer({ min: 0, max: DAYS - 1 }))
      .map(([age, days]) => plusMonths(plusDays(FIRST_DAY, days), -12 * age)),
    fc.constantFrom("2008-02-29", "2006-02-28"),
  ),
  applications: fc.array(
    fc.record({
      asylum: fc.boolean(),
      otherType: fc.constantFrom("work-permit", "temporary-residence-permit"),
      date: dayArb,
      lasts: fc.option(fc.integer({ min: 0, max: 500 })),
      withdrawn: fc.boolean(),
      withdrawal: fc.constantFrom("explicit", "implicit", null),
      // Lodged some days after the first-instance end, pending for a while or still.
      appeal: fc.option(
        fc.record({
          after: fc.integer({ min: 0, max: 60 }),
          lasts: fc.option(fc.integer({ min: 0, max: 300 })),
          withdrawn: fc.boolean(),
        }),
        { freq: 2 },
      ),
      unaccompanied: fc.boolean(),
      region: regionArb,
      later,
    }),
    { maxLength: 3 },
  ),
  decisions: fc.array(
    fc.record({
      asylum: fc.boolean(),
      otherType: fc.constantFrom("work-permit", "temporary-residence-permit"),
      date: dayArb,
      outcome: fc.option(fc.nat(3), { freq: 6 }),
      instance: fc.constantFrom("first", "final", null),
      region: regionArb,
      later,
    }),
    { maxLength: 3 },
  ),
  permits: fc.array(
    fc.record({
      date: dayArb,
      // Short authorisations (under 3 months) as well as permits of months and years.
      days: fc.oneof(fc.integer({ min: 20, max: 120 }), fc.integer({ min: 60, max: 900 })),
      reason: fc.constantFrom(...permitReasons, null),
      issue: fc.constantFrom("first", "renewal", "change", null),
      later,
    }),
    { maxLength: 3 },
  ),
  orders: fc.array(fc.record({ date: dayArb, later }), { maxLength: 2 }),
  returns: fc.array(
    fc.record({
      // An order of the person (index), an order the person has not got, or none at all.
      order: fc.option(fc.nat(2), { freq: 3 }),
      after: fc.integer({ min: -20, max: 300 }),
      date: dayArb,
      returnType: fc.constantFrom("voluntary", "forced", null),
      assisted: fc.constantFrom(true, false, null),
      destination: fc.constantFrom("origin", "transit", "other", null),
      later,
    }),
    { maxLength: 3 },
  ),
  refusals: fc.array(fc.record({ date: dayArb, later }), { maxLength: 2 }),
  findings: fc.array(fc.record({ date: dayArb, later }), { maxLength: 2 }),
  registrations: fc.array(fc.record({ date: dayArb, region: regionArb, later }), { maxLength: 2 }),
  violations: fc.array(fc.record({ date: dayArb, region: regionArb, later }), { maxLength: 1 }),
});

type GeneratedPerson = typeof personArb extends fc.Arbitrary<infer T> ? T : never;
type Stored = StatisticalRecord & { later: boolean };

const ASYLUM_OUTCOMES = ["GENCONV", "SUB_PROT", "HUMSTAT", "REJECTED"] as const;
const OTHER_OUTCOMES = ["GRANTED", "REFUSED", "CLOSED", "GRANTED"] as const;

function recordsOf(generated: GeneratedPerson, index: number): Stored[] {
  const facts: PersonFacts = {
    personKey: `import:P${index}`,
    citizenship: generated.citizenship,
    sex: generated.sex,
    birthDate: generated.birthDate,
  };
  let sequence = 0;
  const make = (
    kind: StatisticalRecord["kind"],
    fields: Partial<StatisticalRecord> & { date: string; later: boolean },
  ): Stored => ({
    recordId: `import:${kind}:P${index}-${sequence++}`,
    source: "import",
    kind,
    person: facts,
    caseType: kind === "registration" ? "stay-registration" : "border",
    endDate: null,
    outcome: null,
    instance: null,
    reason: null,
    region: null,
    withdrawn: false,
    unaccompanied: false,
    ...fields,
  });
  const records: Stored[] = [];
  for (const a of generated.applications) {
    const endDate = a.lasts === null ? null : plusDays(a.date, a.lasts);
    const caseType = a.asylum ? "asylum" : a.otherType;
    // An appeal follows the first-instance end; the withdrawal is then the appeal's.
    const appeal = a.appeal && endDate !== null ? a.appeal : null;
    const withdrawn = a.withdrawn && endDate !== null && appeal === null;
    records.push(
      make("application", {
        caseType,
        date: a.date,
        endDate,
        withdrawn,
        withdrawal: withdrawn ? a.withdrawal : null,
        unaccompanied: a.unaccompanied,
        region: a.region,
        later: a.later,
      }),
    );
    if (appeal && endDate !== null) {
      const lodged = plusDays(endDate, appeal.after);
      const closed = appeal.lasts === null ? null : plusDays(lodged, appeal.lasts);
      const appealWithdrawn = appeal.withdrawn && closed !== null;
      records.push(
        make("appeal", {
          caseType,
          date: lodged,
          endDate: closed,
          withdrawn: appealWithdrawn,
          withdrawal: appealWithdrawn ? a.withdrawal : null,
          region: a.region,
          later: a.later,
        }),
      );
    }
  }
  for (const d of generated.decisions) {
    records.push(
      make("decision", {
        caseType: d.asylum ? "asylum" : d.otherType,
        date: d.date,
        outcome:
          d.outcome === null ? null : ((d.asylum ? ASYLUM_OUTCOMES : OTHER_OUTCOMES)[d.outcome] ?? null),
        instance: d.instance as StatisticalRecord["instance"],
        region: d.region,
        later: d.later,
      }),
    );
  }
  for (const p of generated.permits) {
    records.push(
      make("permit", {
        caseType: "temporary-residence-permit",
        date: p.date,
        endDate: plusDays(p.date, p.days - 1),
        reason: p.reason as StatisticalRecord["reason"],
        issue: p.issue as StatisticalRecord["issue"],
        later: p.later,
      }),
    );
  }
  const orders = generated.orders.map((o) => make("order_to_leave", { caseType: "return", ...o }));
  records.push(...orders);
  for (const r of generated.returns) {
    const order = r.order === null ? null : orders[r.order];
    records.push(
      make("return", {
        caseType: "return",
        date: order ? plusDays(order.date, r.after) : r.date,
        orderRecordId:
          r.order === null ? null : (order?.recordId ?? `import:order_to_leave:elsewhere-${index}`),
        returnType: r.returnType as StatisticalRecord["returnType"],
        assisted: r.assisted,
        destination: r.destination as StatisticalRecord["destination"],
        later: r.later,
      }),
    );
  }
  for (const e of generated.refusals) records.push(make("refused_entry", e));
  for (const e of generated.findings) records.push(make("illegal_presence", e));
  for (const e of generated.registrations) records.push(make("registration", e));
  for (const e of generated.violations)
    records.push(make("violation_decision", { caseType: "violation", ...e }));
  return records;
}

/** A period of each frequency around a month of 2024 or 2025. */
function periodOf(frequency: "M" | "Q" | "A", [year, month]: [number, number]): string {
  if (frequency === "A") return String(year);
  if (frequency === "Q") return `${year}-Q${Math.ceil(month / 3)}`;
  return `${year}-${pad(month)}`;
}

const MONTHS: Array<[number, number]> = [2024, 2025].flatMap((year) =>
  Array.from({ length: 12 }, (_, index): [number, number] => [year, index + 1]),
);

/**
 * The periods a table is compared in: one at random, and one where the plain count finds something
 * (picked with `pick`), so that a table of rare events (withdrawals in a month) is not compared
 * only when it is empty.
 */
function periodsToCompare(
  code: string,
  frequency: "M" | "Q" | "A",
  records: StatisticalRecord[],
  month: [number, number],
  pick: number,
): string[] {
  const busy = [...new Set(MONTHS.map((one) => periodOf(frequency, one)))].filter((period) =>
    Object.values(plainTable(code, records, period)).some((value) => value > 0),
  );
  const periods = new Set([periodOf(frequency, month)]);
  const chosen = busy[pick % Math.max(1, busy.length)];
  if (chosen) periods.add(chosen);
  return [...periods];
}

// ---- The test ----

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.destroy();
});

async function emptyStatistics(): Promise<void> {
  await database.db.execute(sql`delete from stat_cube`);
  await database.db.execute(sql`delete from stat_records`);
  await database.db.execute(sql`delete from stat_import_batches`);
}

async function importInTwoBatches(records: Stored[]): Promise<void> {
  await emptyStatistics();
  // Two imports: the second changes persons the first already counted (an order, then its return).
  for (const part of [records.filter((r) => !r.later), records.filter((r) => r.later)]) {
    if (part.length === 0) continue;
    await importStatisticalRecords(
      database.db,
      part.map(({ later: _, ...record }) => record),
      { importedBy: "property test", files: {}, at: new Date("2026-01-15T10:00:00Z") },
    );
  }
}

describe("every official table", () => {
  it("has its counting rule written out here", () => {
    expect(Object.keys(byTheRules).sort()).toEqual(
      tableDefinitions.map((definition) => definition.code).sort(),
    );
  });

  it("equals the plain count of the records by the regulation's rules, cell by cell and in its totals", async () => {
    // What each table counted over all runs: every table must have had something to count.
    const counted = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.array(personArb, { minLength: 1, maxLength: 8 }),
        fc.tuple(fc.constantFrom(2024, 2025), fc.integer({ min: 1, max: 12 })),
        fc.nat(),
        async (persons, month, pick) => {
          const records = persons.flatMap((generated, index) => recordsOf(generated, index));
          await importInTwoBatches(records);
          for (const definition of tableDefinitions) {
            const { code, frequency } = definition;
            for (const period of periodsToCompare(code, frequency, records, month, pick)) {
              const table = await computeExactTable(database.db, definition, period);
              const computed = Object.fromEntries(
                table.observations
                  .map((observation): [string, number | null] => [keyOf(observation.key), observation.value])
                  .sort(([a], [b]) => (a < b ? -1 : 1)),
              );
              const plain = plainTable(definition.code, records, period);
              expect(computed, `${definition.code} ${period}`).toEqual(plain);
              const total = Math.max(...Object.values(plain));
              counted.set(definition.code, (counted.get(definition.code) ?? 0) + total);
            }
          }
        },
      ),
      { numRuns: 30 },
    );
    for (const definition of tableDefinitions)
      expect(counted.get(definition.code), `${definition.code} counted something`).toBeGreaterThan(0);
  }, 120_000);
});

describe("returns imported from returns.csv", () => {
  it("count a person who left under an order, not one who left without", async () => {
    await emptyStatistics();
    const result = await importFiles(
      database.db,
      [
        {
          name: "persons.csv",
          content:
            "person_id,citizenship,stateless,sex,birth_date\nP1,SY,no,F,1990-05-01\nP2,AF,no,M,1985-01-01",
        },
        { name: "orders_to_leave.csv", content: "order_id,person_id,issued_on,region\nO1,P1,2025-02-15," },
        {
          name: "returns.csv",
          content: "return_id,person_id,order_id,returned_on\nX1,P1,O1,2025-03-01\nX2,P2,,2025-04-01",
        },
      ],
      { importedBy: "test", at: new Date("2026-01-15T10:00:00Z") },
    );
    expect(result.imported).toBe(true);
    const [link] = await queryRows<{ order_record_id: string | null }>(
      database.db,
      sql`select order_record_id from stat_records where record_id = 'import:returns:X1'`,
    );
    expect(link?.order_record_id).toBe("import:orders_to_leave:O1");
    const returned = tableDefinition("returned");
    if (!returned) throw new Error("no returned table");
    const table = await computeExactTable(database.db, returned, "2025");
    const total = table.observations.find(
      (observation) =>
        observation.key.citizen === "TOTAL" && observation.key.sex === "T" && observation.key.age === "TOTAL",
    );
    expect(total?.value).toBe(1);
    const syrians = table.observations.find(
      (observation) =>
        observation.key.citizen === "SY" && observation.key.sex === "T" && observation.key.age === "TOTAL",
    );
    expect(syrians?.value).toBe(1);
  });
});
