import {
  addDays,
  addMonthsToDate,
  type DecisionOutcome,
  daysBetween,
  type PersonFacts,
  type StatisticalRecord,
} from "../../modules/statistics/index.js";
import { SeededRandom, WeightedChoice } from "../../platform/random/index.js";

/**
 * DEMO DATA ONLY. A made-up history from an imagined previous system, so that a newcomer sees the
 * asylum, detention and return tables, charts and forecasts filled: Karvan has no asylum or
 * enforcement procedure of its own yet, and its demo caseload spans one year. Every record is
 * marked as imported by the demo seed; the mixes below are illustrative, not real figures.
 */
const citizenships = new WeightedChoice<string>([
  ["AF", 18],
  ["IR", 14],
  ["SY", 12],
  ["IQ", 9],
  ["RU", 8],
  ["PK", 7],
  ["UA", 6],
  ["IN", 5],
  ["BD", 4],
  ["ER", 3],
  ["SO", 3],
  ["TR", 3],
  ["GE", 2],
  ["STLS", 2],
  ["UNK", 2],
]);
const regions = new WeightedChoice<string>([
  ["AZ-BA", 62],
  ["AZ-GA", 8],
  ["AZ-SM", 7],
  ["AZ-LA", 6],
  ["AZ-MI", 4],
  ["AZ-SA", 4],
  ["AZ-NX", 3],
]);
const outcomes = new WeightedChoice<DecisionOutcome>([
  ["GENCONV", 22],
  ["SUB_PROT", 14],
  ["HUMSTAT", 5],
  ["REJECTED", 59],
]);
const destinations = new WeightedChoice<"origin" | "transit" | "other">([
  ["origin", 86],
  ["transit", 10],
  ["other", 4],
]);
/** Ages at application: mostly young adults, some children, few older people. */
const ages = new WeightedChoice<[number, number]>([
  [[0, 13], 16],
  [[14, 17], 7],
  [[18, 34], 52],
  [[35, 64], 23],
  [[65, 80], 2],
]);

export interface DemoHistoryOptions {
  /** The demo's size: about 600 asylum applicants a year per unit. */
  scale: number;
  /** The last day of the history (today). */
  until: string;
  years?: number;
}

interface Builder {
  random: SeededRandom;
  until: string;
  records: StatisticalRecord[];
}

function dayIn(random: SeededRandom, from: string, days: number): string {
  return addDays(from, random.int(0, Math.max(0, days - 1)));
}

function person(builder: Builder, id: string, at: string): PersonFacts {
  const [youngest, oldest] = ages.pick(builder.random);
  const age = builder.random.int(youngest, oldest);
  const birth = addDays(addMonthsToDate(at, -12 * age), -builder.random.int(1, 360));
  return {
    personKey: `import:demo-${id}`,
    citizenship: citizenships.pick(builder.random),
    sex: builder.random.chance(0.62) ? "M" : "F",
    birthDate: builder.random.chance(0.97) ? birth : null,
  };
}

function record(
  builder: Builder,
  fields: Partial<StatisticalRecord> &
    Pick<StatisticalRecord, "recordId" | "kind" | "person" | "caseType" | "date">,
): void {
  if (fields.date > builder.until) return;
  builder.records.push({
    source: "import",
    endDate: null,
    outcome: null,
    instance: null,
    reason: null,
    region: null,
    withdrawn: false,
    unaccompanied: false,
    ...fields,
    recordId: `import:demo:${fields.recordId}`,
  });
}

/** Within a year, more applications in late summer and autumn, as in most European series. */
const seasonal = [0.8, 0.75, 0.85, 0.9, 0.95, 1, 1.05, 1.15, 1.25, 1.25, 1.1, 0.95];

function asylumSeeker(builder: Builder, index: number, lodged: string): void {
  const { random } = builder;
  const id = `a${index}`;
  const who = person(builder, id, lodged);
  const region = regions.pick(random);
  const minor = who.birthDate !== null && daysBetween(who.birthDate, lodged) < 18 * 365;
  const decidedOn = addDays(lodged, random.int(40, 300));
  const withdrawn = random.chance(0.05);
  const closedOn = withdrawn ? addDays(lodged, random.int(10, 120)) : decidedOn;
  const open = closedOn > builder.until;
  record(builder, {
    recordId: `applications:${id}`,
    kind: "application",
    person: who,
    caseType: "asylum",
    date: lodged,
    endDate: open ? null : closedOn,
    withdrawn: withdrawn && !open,
    unaccompanied: minor && random.chance(0.3),
    region,
  });
  if (withdrawn || open) return;
  const outcome = outcomes.pick(random);
  record(builder, {
    recordId: `decisions:${id}`,
    kind: "decision",
    person: who,
    caseType: "asylum",
    date: decidedOn,
    outcome,
    instance: "first",
    region,
    lodgedOn: lodged,
  });
  if (outcome !== "REJECTED") return;
  const finalOn = addDays(decidedOn, random.int(60, 240));
  const appealGranted = random.chance(0.12);
  if (random.chance(0.45))
    record(builder, {
      recordId: `final:${id}`,
      kind: "decision",
      person: who,
      caseType: "asylum",
      date: finalOn,
      outcome: appealGranted ? "SUB_PROT" : "REJECTED",
      instance: "final",
      region,
      lodgedOn: lodged,
    });
  if (appealGranted || !random.chance(0.7)) return;
  enforcement(builder, id, who, region, finalOn);
}

/** A refused applicant's order to leave, sometimes detention, and for some the return itself. */
function enforcement(builder: Builder, id: string, who: PersonFacts, region: string, finalOn: string): void {
  const { random } = builder;
  const orderedOn = addDays(finalOn, random.int(5, 40));
  record(builder, {
    recordId: `orders:${id}`,
    kind: "order_to_leave",
    person: who,
    caseType: "return",
    date: orderedOn,
    region,
  });
  if (random.chance(0.2)) {
    const from = addDays(orderedOn, random.int(1, 30));
    record(builder, {
      recordId: `detentions:${id}`,
      kind: "detention",
      person: who,
      caseType: "detention",
      date: from,
      endDate: addDays(from, random.int(5, 90)),
      region,
    });
  }
  if (random.chance(0.45))
    record(builder, {
      recordId: `returns:${id}`,
      kind: "return",
      person: who,
      caseType: "return",
      date: addDays(orderedOn, random.int(15, 180)),
      orderRecordId: `import:demo:orders:${id}`,
      ...returnBreakdowns(builder),
    });
}

/**
 * How a demo return went (Regulation (EU) 2020/851): most leave voluntarily, assistance is offered
 * to most of them and taken up by about half of those offered, and a removal is never assisted.
 */
function returnBreakdowns(
  builder: Builder,
): Pick<StatisticalRecord, "returnType" | "assisted" | "assistanceOffered" | "destination"> {
  const { random } = builder;
  const voluntary = random.chance(0.6);
  const offered = random.chance(voluntary ? 0.75 : 0.3);
  return {
    returnType: voluntary ? "voluntary" : "forced",
    assistanceOffered: offered,
    assisted: voluntary && offered && random.chance(0.55),
    destination: destinations.pick(random),
  };
}

function borderFinding(
  builder: Builder,
  index: number,
  kind: "refused_entry" | "illegal_presence" | "violation_decision",
  at: string,
): void {
  const id = `${kind}-${index}`;
  const caseType = kind === "violation_decision" ? "violation" : "border";
  record(builder, {
    recordId: `${kind}:${index}`,
    kind,
    person: person(builder, id, at),
    caseType,
    date: at,
    region: regions.pick(builder.random),
  });
}

/** The demo history: asylum applications with their decisions, appeals, orders, detentions and returns. */
export function demoHistory(options: DemoHistoryOptions): StatisticalRecord[] {
  const builder: Builder = { random: new SeededRandom(20_260_401), until: options.until, records: [] };
  const years = options.years ?? 5;
  const start = `${Number(options.until.slice(0, 4)) - years}-01-01`;
  let index = 0;
  for (let month = 0; month < years * 12 + Number(options.until.slice(5, 7)); month++) {
    const first = addMonthsToDate(start, month);
    if (first > options.until) break;
    // A slow rise over the years, with the seasonal swing.
    const trend = 1 + (0.25 * month) / (years * 12);
    const expected = (options.scale * 50 * trend * (seasonal[month % 12] ?? 1)) | 0;
    const count = Math.max(0, expected + builder.random.int(-3, 3));
    for (let n = 0; n < count; n++) asylumSeeker(builder, index++, dayIn(builder.random, first, 28));
    const border = Math.max(1, (options.scale * 25) | 0);
    for (let n = 0; n < border; n++)
      borderFinding(builder, index++, "refused_entry", dayIn(builder.random, first, 28));
    for (let n = 0; n < border / 2; n++)
      borderFinding(builder, index++, "illegal_presence", dayIn(builder.random, first, 28));
    for (let n = 0; n < border / 3; n++)
      borderFinding(builder, index++, "violation_decision", dayIn(builder.random, first, 28));
  }
  return builder.records;
}
