import type { PersonFacts, StatisticalRecord } from "../facts/statistical-record.js";
import {
  applicationsFile,
  decisionsFile,
  ordersToLeaveFile,
  type PersonEventFileSpec,
  permitsFile,
  personEventFiles,
} from "./import-file-specs.js";
import type {
  ApplicationRow,
  DecisionRow,
  ImportRows,
  PermitRow,
  PersonEventRow,
  PersonRow,
  ReadRow,
} from "./import-rows.js";

/**
 * Turns checked lines into records. Only called when there were no errors, so every line has a
 * value and every reference resolves; a miss here is a bug, hence the throws.
 */
export function toStatisticalRecords(rows: ImportRows): StatisticalRecord[] {
  const persons: Persons = new Map();
  for (const person of valuesOf(rows.persons)) persons.set(person.personId, personFacts(person));
  const applications: Applications = new Map(valuesOf(rows.applications).map((a) => [a.applicationId, a]));
  const records: StatisticalRecord[] = [];
  for (const a of applications.values()) {
    records.push(applicationRecord(a, persons));
    if (a.breakdowns.appealLodgedOn !== null) records.push(appealRecord(a, persons));
  }
  for (const d of valuesOf(rows.decisions)) records.push(decisionRecord(d, applications, persons));
  for (const p of valuesOf(rows.permits)) records.push(permitRecord(p, persons));
  for (const spec of personEventFiles) {
    const lines = rows.personEvents.get(spec.name) ?? [];
    for (const e of valuesOf(lines)) records.push(personEventRecord(spec, e, persons));
  }
  return records;
}

type Persons = Map<string, PersonFacts>;
type Applications = Map<string, ApplicationRow>;

// Each record below has every field written out, in one order: a spread of shared defaults per
// record cost twenty times as much, for hundreds of thousands of records.

function applicationRecord(a: ApplicationRow, persons: Persons): StatisticalRecord {
  // An appealed application was decided at first instance: `withdrawn` is the appeal's.
  const appealed = a.breakdowns.appealLodgedOn !== null;
  return {
    recordId: recordId(applicationsFile.name, a.applicationId),
    source: "import",
    kind: "application",
    person: personOf(persons, a.personId),
    caseType: a.caseType,
    date: a.lodgedOn,
    endDate: a.closedOn,
    outcome: null,
    instance: null,
    reason: null,
    region: a.region,
    withdrawn: a.withdrawn && !appealed,
    unaccompanied: a.unaccompanied,
    withdrawal: appealed ? null : a.breakdowns.withdrawal,
  };
}

/** The appeal of an application, pending from its own lodging to its end (Regulation (EU) 2020/851). */
function appealRecord(a: ApplicationRow, persons: Persons): StatisticalRecord {
  return {
    recordId: `${recordId(applicationsFile.name, a.applicationId)}:appeal`,
    source: "import",
    kind: "appeal",
    person: personOf(persons, a.personId),
    caseType: a.caseType,
    date: a.breakdowns.appealLodgedOn as string,
    endDate: a.breakdowns.appealClosedOn,
    outcome: null,
    instance: null,
    reason: null,
    region: a.region,
    withdrawn: a.withdrawn,
    unaccompanied: false,
    withdrawal: a.breakdowns.withdrawal,
  };
}

function decisionRecord(d: DecisionRow, applications: Applications, persons: Persons): StatisticalRecord {
  const application = applications.get(d.applicationId);
  if (!application) throw new Error(`import: application ${d.applicationId} was not checked`);
  return {
    recordId: recordId(decisionsFile.name, d.decisionId),
    source: "import",
    kind: "decision",
    person: personOf(persons, application.personId),
    caseType: application.caseType,
    date: d.decidedOn,
    endDate: null,
    outcome: d.outcome,
    instance: d.instance,
    reason: null,
    region: application.region,
    withdrawn: false,
    unaccompanied: false,
    lodgedOn: application.lodgedOn,
  };
}

function permitRecord(p: PermitRow, persons: Persons): StatisticalRecord {
  return {
    recordId: recordId(permitsFile.name, p.permitId),
    source: "import",
    kind: "permit",
    person: personOf(persons, p.personId),
    caseType: p.caseType,
    date: p.validFrom,
    endDate: p.validTo,
    outcome: null,
    instance: null,
    reason: p.reason,
    region: p.region,
    withdrawn: false,
    unaccompanied: false,
    issue: p.issue,
  };
}

function personEventRecord(
  spec: PersonEventFileSpec,
  e: PersonEventRow,
  persons: Persons,
): StatisticalRecord {
  const record: StatisticalRecord = {
    recordId: recordId(spec.name, e.id),
    source: "import",
    kind: spec.kind,
    person: personOf(persons, e.personId),
    caseType: spec.caseType,
    date: e.date,
    endDate: e.endDate,
    outcome: null,
    instance: null,
    reason: null,
    region: e.region,
    withdrawn: false,
    unaccompanied: false,
  };
  // A return counts only when it followed an order to leave: keep which one.
  if (spec.kind === "return") {
    record.orderRecordId = e.orderId === null ? null : recordId(ordersToLeaveFile.name, e.orderId);
    record.returnType = e.breakdowns.returnType;
    record.assisted = e.breakdowns.assisted;
    record.assistanceOffered = e.breakdowns.assistanceOffered;
    record.destination = e.breakdowns.destination;
  }
  return record;
}

function personOf(persons: Persons, id: string): PersonFacts {
  const facts = persons.get(id);
  if (!facts) throw new Error(`import: person ${id} was not checked`);
  return facts;
}

function personFacts(row: PersonRow): PersonFacts {
  return {
    personKey: `import:${row.personId}`,
    citizenship: row.citizenship,
    sex: row.sex,
    birthDate: row.birthDate,
  };
}

function recordId(fileName: string, id: string): string {
  return `import:${fileName.replace(/\.csv$/, "")}:${id}`;
}

function valuesOf<T>(lines: readonly ReadRow<T>[]): T[] {
  return lines.map((row) => {
    if (row.value === null) throw new Error(`import: line ${row.line} has errors but records were requested`);
    return row.value;
  });
}
