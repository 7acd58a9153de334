import { ageGroupOn, completedYears } from "../eurostat/age-groups.js";
import { mainReasonOf, type StatisticalRecord } from "../facts/statistical-record.js";
import {
  addCell,
  type CellDimensions,
  type CubeCell,
  type CubeTable,
  nonZeroCells,
  sumCells,
} from "./cube-cell.js";
import { addDays, addMonthsToDate, daysBetween, monthOf, wholeMonths } from "./months.js";
import { type Spell, stretchesOfOne } from "./person-spells.js";
import { stockChanges } from "./stock-changes.js";

const AGE_BOUNDARIES = [14, 18, 35, 65];
const BACKLOG_BOUNDARIES = [1, 3, 6, 12];

/**
 * The national tables and the dashboards break figures down by citizenship, type and region, not by
 * sex and age: leaving those out (empty) keeps these cubes many times smaller than the records.
 * Their cells are written out field by field: a stock of the national tables asks for its
 * dimensions at every month they may change, and spread objects were most of the work of
 * computing an import's cubes.
 */
function nationalDimensions(record: StatisticalRecord, d1: string, d2 = "", d3 = ""): CellDimensions {
  return { citizen: record.person.citizenship, sex: "", age: "", d1: d1 ?? "", d2: d2 ?? "", d3: d3 ?? "" };
}

function ageOf(record: StatisticalRecord, ageOn: string): string {
  // A birth date after the event is a mistake in the source: the age is unknown, not a failure.
  return record.person.birthDate && record.person.birthDate > ageOn
    ? "UNK"
    : ageGroupOn(record.person.birthDate, ageOn);
}

function dimensions(
  record: StatisticalRecord,
  ageOn: string,
  free: Partial<CellDimensions> = {},
): CellDimensions {
  // Field by field rather than spread, and no age worked out where `free` sets it: cubes are
  // computed for every person of an import, and these objects were most of the collector's work.
  return {
    citizen: free.citizen ?? record.person.citizenship,
    sex: free.sex ?? record.person.sex,
    age: free.age ?? ageOf(record, ageOn),
    d1: free.d1 ?? "",
    d2: free.d2 ?? "",
    d3: free.d3 ?? "",
  };
}

/** Takes each cell of a person's contribution as it is worked out. */
type Emit = (cell: CubeCell) => void;

function flow(
  tableCode: CubeTable,
  record: StatisticalRecord,
  free: Partial<CellDimensions>,
  total = 0,
): CubeCell {
  // The dimensions written straight into the cell, as `dimensions` would give them.
  return {
    tableCode,
    period: monthOf(record.date),
    citizen: free.citizen ?? record.person.citizenship,
    sex: free.sex ?? record.person.sex,
    age: free.age ?? ageOf(record, record.date),
    d1: free.d1 ?? "",
    d2: free.d2 ?? "",
    d3: free.d3 ?? "",
    n: 1,
    total,
  };
}

/** A flow of the national tables (no sex, no age), as `nationalDimensions`. */
function nationalFlow(
  tableCode: CubeTable,
  record: StatisticalRecord,
  d1: string,
  d2 = "",
  d3 = "",
  total = 0,
): CubeCell {
  return {
    tableCode,
    period: monthOf(record.date),
    citizen: record.person.citizenship,
    sex: "",
    age: "",
    d1: d1 ?? "",
    d2: d2 ?? "",
    d3: d3 ?? "",
    n: 1,
    total,
  };
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

/**
 * A stock of persons: on any day the person is in it once, however many of their spells run, with
 * the dimensions of the spell `preferred` puts first. Written as the changes of the stretches each
 * carried by one spell; where a stretch hands over to another with the same dimensions, the -1 and
 * +1 cancel out.
 */
function personStock(
  emit: Emit,
  tableCode: CubeTable,
  spells: Spell<StatisticalRecord>[],
  preferred: (a: StatisticalRecord, b: StatisticalRecord) => number,
  free: (record: StatisticalRecord) => Partial<CellDimensions> = () => ({}),
): void {
  const changes = stretchesOfOne(spells, preferred).flatMap((stretch) =>
    stockChanges({
      tableCode,
      start: stretch.start,
      endExclusive: stretch.endExclusive,
      changeDates: birthdays(stretch.item),
      dimensionsAt: (reference) => dimensions(stretch.item, reference, free(stretch.item)),
    }),
  );
  for (const cell of nonZeroCells(sumCells(changes))) emit(cell);
}

/**
 * The age group of an unaccompanied minor on the day they applied, with 14 to 17 split into 14-15
 * and 16-17 (Regulation (EU) 2020/851, Art. 4(1)(c)); a known age of 18 or more (a mistake of the
 * source) falls back to the usual groups.
 */
function unaccompaniedAgeOf(record: StatisticalRecord): string {
  const birth = record.person.birthDate;
  if (!birth || birth > record.date) return "UNK";
  const years = completedYears(birth, record.date);
  if (years < 14) return "Y_LT14";
  if (years < 16) return "Y14-15";
  if (years < 18) return "Y16-17";
  return ageGroupOn(birth, record.date);
}

const withdrawalCodes = { explicit: "EXPL", implicit: "IMPL" } as const;

function withdrawalCode(record: StatisticalRecord): string {
  return record.withdrawal ? withdrawalCodes[record.withdrawal] : "UNK";
}

function asylumContributions(records: StatisticalRecord[], emit: Emit): void {
  const applications = records.filter(
    (record) => record.kind === "application" && record.caseType === "asylum",
  );
  const appeals = records.filter((record) => record.kind === "appeal" && record.caseType === "asylum");
  const firstEver = [...applications].sort(byDate)[0];
  for (const record of firstPerPeriod(applications, monthOf)) {
    emit(flow("asylum_applicants", record, { d1: "ASY_APP" }));
    if (firstEver && monthOf(firstEver.date) === monthOf(record.date))
      emit(flow("asylum_applicants", record, { d1: "NASY_APP" }));
  }
  const unaccompanied = applications.filter((record) => record.unaccompanied);
  for (const record of firstPerPeriod(unaccompanied, yearOf))
    emit(flow("asylum_unaccompanied", record, { age: unaccompaniedAgeOf(record) }));
  // A withdrawal at first instance or during an appeal, by its type.
  const withdrawals = [...applications, ...appeals]
    .filter((record) => record.withdrawn && record.endDate)
    .map((record) => ({ ...record, date: record.endDate as string }));
  for (const record of firstPerPeriod(withdrawals, monthOf))
    emit(flow("asylum_withdrawn", record, { d1: withdrawalCode(record) }));
  // Persons whose application is under consideration at the month's end (Art. 4(1)(b)), at first
  // instance or on appeal: once, however many of their applications are open, with the facts of
  // the earliest one.
  personStock(
    emit,
    "asylum_pending_stock",
    [...applications, ...appeals].map((record) => ({
      start: record.date,
      endExclusive: record.endDate,
      item: record,
    })),
    byDate,
    (record) => ({ d1: record.kind === "appeal" ? "APPEAL" : "FIRST" }),
  );
  for (const record of records) {
    if (record.kind !== "decision" || record.caseType !== "asylum" || !record.outcome) continue;
    const table = record.instance === "final" ? "asylum_decisions_final" : "asylum_decisions_first";
    emit(flow(table, record, { d1: record.outcome }));
  }
}

/** Eurostat's classes of the length of validity of first permits; shorter than 3 months is not counted. */
export function validityClass(from: string, to: string): string | null {
  const months = wholeMonths(from, to);
  if (months < 3) return null;
  if (months < 6) return "3-5M";
  if (months < 12) return "6-11M";
  return "GE12M";
}

/** The permit issued last first (latest valid from, then record id): the holder's current permit. */
function latestFirst(a: StatisticalRecord, b: StatisticalRecord): number {
  return byDate(b, a);
}

function permitContributions(records: StatisticalRecord[], emit: Emit): void {
  // An authorisation valid for less than 3 months is not a residence permit (Art. 2(1)(m)): it is
  // neither a first permit, nor valid at the year's end, nor does it make a later permit not first.
  const permits = records
    .filter(
      (record) =>
        record.kind === "permit" &&
        record.endDate !== null &&
        validityClass(record.date, record.endDate) !== null,
    )
    .sort(byDate);
  for (const permit of permits) {
    const validity = validityClass(permit.date, permit.endDate as string) as string;
    // First: no residence permit of the person was valid on any day of the 6 months before this one.
    const windowStart = addMonthsToDate(permit.date, -6);
    const covered = permits.some(
      (other) => other.date < permit.date && (other.endDate as string) >= windowStart,
    );
    const { reason, subReason } = reasonCodes(permit);
    if (!covered) emit(flow("permits_first", permit, { d1: reason, d2: validity, d3: subReason }));
    // Every residence permit issued, as the source marks it: first, renewal or change of status.
    emit(flow("permits_issued", permit, { d1: reason, d2: issueCode(permit), d3: subReason }));
  }
  // Holders of a valid permit (Art. 6(1)(c)): once each, by the reason of the permit issued last.
  personStock(
    emit,
    "permits_valid_stock",
    permits.map((permit) => ({
      start: permit.date,
      endExclusive: addDays(permit.endDate as string, 1),
      item: permit,
    })),
    latestFirst,
    (permit) => {
      const { reason, subReason } = reasonCodes(permit);
      return { d1: reason, d2: subReason };
    },
  );
}

/**
 * A permit's reason and sub-reason (Regulation (EU) 2020/851): a permit recorded with its reason
 * only has the sub-reason UNK, so that each adds up to its total on its own.
 */
function reasonCodes(permit: StatisticalRecord): { reason: string; subReason: string } {
  const recorded = permit.reason ?? "OTH";
  const reason = mainReasonOf(recorded);
  return { reason, subReason: recorded === reason ? "UNK" : recorded };
}

function issueCode(permit: StatisticalRecord): string {
  return permit.issue ? permit.issue.toUpperCase() : "UNK";
}

const returnTypeCodes = { voluntary: "VOLUNTARY", forced: "FORCED" } as const;
const destinationCodes = { origin: "COO", transit: "TRANSIT", other: "OTH_TC" } as const;

/** A return's breakdowns (Art. 7(1)(b) as amended): type, assistance received and destination. */
function returnDimensions(record: StatisticalRecord): Partial<CellDimensions> {
  return {
    d1: record.returnType ? returnTypeCodes[record.returnType] : "UNK",
    d2: record.assisted === true ? "ASSISTED" : record.assisted === false ? "NOT_ASSISTED" : "UNK",
    d3: record.destination ? destinationCodes[record.destination] : "UNK",
  };
}

const enforcementCodes: Partial<Record<StatisticalRecord["kind"], string>> = {
  refused_entry: "REFUSED",
  illegal_presence: "ILLEGAL",
  order_to_leave: "ORDERED",
  return: "RETURNED",
};

/**
 * Returns that followed an order to leave (Art. 7(1)(b)): the return names an order of the same
 * person issued on or before the day of the return. A departure without an order is not counted.
 */
function returnsFollowingAnOrder(records: StatisticalRecord[]): StatisticalRecord[] {
  const orders = new Map(
    records.filter((record) => record.kind === "order_to_leave").map((order) => [order.recordId, order]),
  );
  return records.filter((record) => {
    if (record.kind !== "return" || !record.orderRecordId) return false;
    const order = orders.get(record.orderRecordId);
    return order !== undefined && order.date <= record.date;
  });
}

function enforcementContributions(records: StatisticalRecord[], emit: Emit): void {
  const returns = returnsFollowingAnOrder(records);
  for (const [kind, code] of Object.entries(enforcementCodes)) {
    const ofKind = kind === "return" ? returns : records.filter((record) => record.kind === kind);
    for (const record of firstPerPeriod(ofKind, yearOf)) {
      emit(flow("enforcement", record, { d1: code }));
      if (kind === "return") emit(flow("returns", record, returnDimensions(record)));
    }
  }
  for (const record of records) {
    if (record.kind !== "detention") continue;
    emitAll(
      emit,
      stockChanges({
        tableCode: "detention_stock",
        start: record.date,
        endExclusive: record.endDate ? addDays(record.endDate, 1) : null,
        changeDates: [],
        dimensionsAt: () => nationalDimensions(record, record.region ?? "UNK"),
      }),
    );
  }
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

function nationalContributions(records: StatisticalRecord[], emit: Emit): void {
  for (const record of records) {
    const region = record.region ?? "UNK";
    if (record.kind === "registration") emit(nationalFlow("registrations", record, region));
    if (record.kind === "violation_decision") emit(nationalFlow("violations", record, region));
    if (record.kind === "application") {
      emit(nationalFlow("applications", record, record.caseType, region));
      emitAll(
        emit,
        stockChanges({
          tableCode: "backlog_stock",
          start: record.date,
          endExclusive: record.endDate,
          changeDates: BACKLOG_BOUNDARIES.map((months) => addMonthsToDate(record.date, months)),
          dimensionsAt: (reference) =>
            nationalDimensions(record, record.caseType, backlogAge(record.date, reference)),
        }),
      );
    }
    if (record.kind === "decision" && record.outcome && record.instance !== "final") {
      emit(nationalFlow("decisions", record, record.caseType, record.outcome, region));
      if (record.lodgedOn) {
        const timeliness = record.deadline ? (record.date <= record.deadline ? "WITHIN" : "LATE") : "UNK";
        const days = Math.max(0, daysBetween(record.lodgedOn, record.date));
        emit(nationalFlow("processing", record, record.caseType, timeliness, "", days));
      }
    }
  }
}

/**
 * Everything one person adds to the cubes, computed from all of the person's records at once:
 * "persons, not applications", first-time applicants and first permits depend on the person's
 * other records. A change to any record of a person replaces the person's whole contribution.
 */
export function personContributions(records: StatisticalRecord[]): CubeCell[] {
  const cells: CubeCell[] = [];
  emitPersonContributions(records, (cell) => cells.push(cell));
  return cells;
}

/**
 * `sumCells(personContributions(records), sign, into)` without the list in between: each cell goes
 * into the sum as it is worked out (an import or a rebuild sums the contributions of every person).
 */
export function addPersonContributions(
  records: StatisticalRecord[],
  sign: number,
  into: Map<string, CubeCell>,
): Map<string, CubeCell> {
  // The cells are new and go nowhere else: the sum may keep them as they are.
  emitPersonContributions(records, (cell) => addCell(into, cell, sign, true));
  return into;
}

function emitPersonContributions(records: StatisticalRecord[], emit: Emit): void {
  asylumContributions(records, emit);
  permitContributions(records, emit);
  enforcementContributions(records, emit);
  nationalContributions(records, emit);
}

function emitAll(emit: Emit, cells: CubeCell[]): void {
  for (const cell of cells) emit(cell);
}
