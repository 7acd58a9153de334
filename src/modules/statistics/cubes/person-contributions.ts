import { ageGroupOn } from "../eurostat/age-groups.js";
import type { StatisticalRecord } from "../facts/statistical-record.js";
import type { CellDimensions, CubeCell, CubeTable } from "./cube-cell.js";
import { addDays, addMonthsToDate, daysBetween, monthOf, wholeMonths } from "./months.js";
import { stockChanges } from "./stock-changes.js";

const AGE_BOUNDARIES = [14, 18, 35, 65];
const BACKLOG_BOUNDARIES = [1, 3, 6, 12];

/**
 * The national tables and the dashboards break figures down by citizenship, type and region, not by
 * sex and age: leaving those out keeps these cubes many times smaller than the records.
 */
const national = { sex: "", age: "" };

function dimensions(
  record: StatisticalRecord,
  ageOn: string,
  free: Partial<CellDimensions> = {},
): CellDimensions {
  return {
    citizen: record.person.citizenship,
    sex: record.person.sex,
    // A birth date after the event is a mistake in the source: the age is unknown, not a failure.
    age:
      record.person.birthDate && record.person.birthDate > ageOn
        ? "UNK"
        : ageGroupOn(record.person.birthDate, ageOn),
    d1: "",
    d2: "",
    d3: "",
    ...free,
  };
}

function flow(
  tableCode: CubeTable,
  record: StatisticalRecord,
  free: Partial<CellDimensions>,
  total = 0,
): CubeCell {
  return { tableCode, period: monthOf(record.date), ...dimensions(record, record.date, free), n: 1, total };
}

function birthdays(record: StatisticalRecord): string[] {
  const birth = record.person.birthDate;
  return birth ? AGE_BOUNDARIES.map((age) => addMonthsToDate(birth, age * 12)) : [];
}

/** The first record of each period (month or year), in date order: a person counted once per period. */
function firstPerPeriod(
  records: StatisticalRecord[],
  periodOf: (date: string) => string,
): StatisticalRecord[] {
  const seen = new Set<string>();
  const firsts: StatisticalRecord[] = [];
  for (const record of [...records].sort(byDate)) {
    const period = periodOf(record.date);
    if (seen.has(period)) continue;
    seen.add(period);
    firsts.push(record);
  }
  return firsts;
}

function byDate(a: StatisticalRecord, b: StatisticalRecord): number {
  return a.date < b.date
    ? -1
    : a.date > b.date
      ? 1
      : a.recordId < b.recordId
        ? -1
        : a.recordId > b.recordId
          ? 1
          : 0;
}

const yearOf = (date: string) => date.slice(0, 4);

function asylumContributions(records: StatisticalRecord[]): CubeCell[] {
  const applications = records.filter(
    (record) => record.kind === "application" && record.caseType === "asylum",
  );
  const cells: CubeCell[] = [];
  const firstEver = [...applications].sort(byDate)[0];
  for (const record of firstPerPeriod(applications, monthOf)) {
    cells.push(flow("asylum_applicants", record, { d1: "ASY_APP" }));
    if (firstEver && monthOf(firstEver.date) === monthOf(record.date))
      cells.push(flow("asylum_applicants", record, { d1: "NASY_APP" }));
  }
  const unaccompanied = applications.filter((record) => record.unaccompanied);
  for (const record of firstPerPeriod(unaccompanied, yearOf))
    cells.push(flow("asylum_unaccompanied", record, {}));
  const withdrawals = applications
    .filter((record) => record.withdrawn && record.endDate)
    .map((record) => ({ ...record, date: record.endDate as string }));
  for (const record of firstPerPeriod(withdrawals, monthOf)) cells.push(flow("asylum_withdrawn", record, {}));
  for (const record of applications) {
    cells.push(
      ...stockChanges({
        tableCode: "asylum_pending_stock",
        start: record.date,
        endExclusive: record.endDate,
        changeDates: birthdays(record),
        dimensionsAt: (reference) => dimensions(record, reference),
      }),
    );
  }
  for (const record of records) {
    if (record.kind !== "decision" || record.caseType !== "asylum" || !record.outcome) continue;
    const table = record.instance === "final" ? "asylum_decisions_final" : "asylum_decisions_first";
    cells.push(flow(table, record, { d1: record.outcome }));
  }
  return cells;
}

/** Eurostat's classes of the length of validity of first permits; shorter than 3 months is not counted. */
export function validityClass(from: string, to: string): string | null {
  const months = wholeMonths(from, to);
  if (months < 3) return null;
  if (months < 6) return "3-5M";
  if (months < 12) return "6-11M";
  return "GE12M";
}

function permitContributions(records: StatisticalRecord[]): CubeCell[] {
  const permits = records.filter((record) => record.kind === "permit" && record.endDate).sort(byDate);
  const cells: CubeCell[] = [];
  for (const permit of permits) {
    const validTo = permit.endDate as string;
    const reason = permit.reason ?? "OTH";
    // First: no other permit of the person covered any day of the 6 months before this one.
    const windowStart = addMonthsToDate(permit.date, -6);
    const covered = permits.some(
      (other) =>
        other !== permit &&
        byDate(other, permit) < 0 &&
        (other.endDate as string) >= windowStart &&
        other.date < permit.date,
    );
    const validity = validityClass(permit.date, validTo);
    if (!covered && validity) cells.push(flow("permits_first", permit, { d1: reason, d2: validity }));
    cells.push(
      ...stockChanges({
        tableCode: "permits_valid_stock",
        start: permit.date,
        endExclusive: addDays(validTo, 1),
        changeDates: birthdays(permit),
        dimensionsAt: (reference) => dimensions(permit, reference, { d1: reason }),
      }),
    );
  }
  return cells;
}

const enforcementCodes: Partial<Record<StatisticalRecord["kind"], string>> = {
  refused_entry: "REFUSED",
  illegal_presence: "ILLEGAL",
  order_to_leave: "ORDERED",
  return: "RETURNED",
};

function enforcementContributions(records: StatisticalRecord[]): CubeCell[] {
  const cells: CubeCell[] = [];
  for (const [kind, code] of Object.entries(enforcementCodes)) {
    const ofKind = records.filter((record) => record.kind === kind);
    for (const record of firstPerPeriod(ofKind, yearOf))
      cells.push(flow("enforcement", record, { d1: code }));
  }
  for (const record of records) {
    if (record.kind !== "detention") continue;
    cells.push(
      ...stockChanges({
        tableCode: "detention_stock",
        start: record.date,
        endExclusive: record.endDate ? addDays(record.endDate, 1) : null,
        changeDates: [],
        dimensionsAt: (reference) =>
          dimensions(record, reference, { ...national, d1: record.region ?? "UNK" }),
      }),
    );
  }
  return cells;
}

function backlogAge(lodged: string, reference: string): string {
  // Whole months that have passed by the reference date.
  const months = wholeMonths(lodged, addDays(reference, -1));
  if (months < 1) return "M_LT1";
  if (months < 3) return "M1-2";
  if (months < 6) return "M3-5";
  if (months < 12) return "M6-11";
  return "M_GE12";
}

function nationalContributions(records: StatisticalRecord[]): CubeCell[] {
  const cells: CubeCell[] = [];
  for (const record of records) {
    const region = record.region ?? "UNK";
    if (record.kind === "registration")
      cells.push(flow("registrations", record, { ...national, d1: region }));
    if (record.kind === "violation_decision")
      cells.push(flow("violations", record, { ...national, d1: region }));
    if (record.kind === "application") {
      cells.push(flow("applications", record, { ...national, d1: record.caseType, d2: region }));
      cells.push(
        ...stockChanges({
          tableCode: "backlog_stock",
          start: record.date,
          endExclusive: record.endDate,
          changeDates: [...BACKLOG_BOUNDARIES.map((months) => addMonthsToDate(record.date, months))],
          dimensionsAt: (reference) =>
            dimensions(record, reference, {
              ...national,
              d1: record.caseType,
              d2: backlogAge(record.date, reference),
            }),
        }),
      );
    }
    if (record.kind === "decision" && record.outcome && record.instance !== "final") {
      cells.push(
        flow("decisions", record, { ...national, d1: record.caseType, d2: record.outcome, d3: region }),
      );
      if (record.lodgedOn) {
        const timeliness = record.deadline ? (record.date <= record.deadline ? "WITHIN" : "LATE") : "UNK";
        const days = Math.max(0, daysBetween(record.lodgedOn, record.date));
        cells.push(flow("processing", record, { ...national, d1: record.caseType, d2: timeliness }, days));
      }
    }
  }
  return cells;
}

/**
 * Everything one person adds to the cubes, computed from all of the person's records at once:
 * "persons, not applications", first-time applicants and first permits depend on the person's
 * other records. A change to any record of a person replaces the person's whole contribution.
 */
export function personContributions(records: StatisticalRecord[]): CubeCell[] {
  return [
    ...asylumContributions(records),
    ...permitContributions(records),
    ...enforcementContributions(records),
    ...nationalContributions(records),
  ];
}
