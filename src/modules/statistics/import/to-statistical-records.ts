import type { PersonFacts, StatisticalRecord } from "../facts/statistical-record.js";
import {
  applicationsFile,
  decisionsFile,
  ordersToLeaveFile,
  permitsFile,
  personEventFiles,
} from "./import-file-specs.js";
import type { ImportRows, PersonRow, ReadRow } from "./import-rows.js";

/**
 * Turns checked lines into records. Only called when there were no errors, so every line has a
 * value and every reference resolves; a miss here is a bug, hence the throws.
 */
export function toStatisticalRecords(rows: ImportRows): StatisticalRecord[] {
  const persons = new Map<string, PersonFacts>();
  for (const person of valuesOf(rows.persons)) persons.set(person.personId, personFacts(person));
  const person = (id: string): PersonFacts => {
    const facts = persons.get(id);
    if (!facts) throw new Error(`import: person ${id} was not checked`);
    return facts;
  };
  const applications = new Map(valuesOf(rows.applications).map((a) => [a.applicationId, a]));

  // Every field written out, in one order: a spread of shared defaults per record cost twenty times
  // as much, for hundreds of thousands of records.
  const records: StatisticalRecord[] = [];
  for (const a of applications.values()) {
    records.push({
      recordId: recordId(applicationsFile.name, a.applicationId),
      source: "import",
      kind: "application",
      person: person(a.personId),
      caseType: a.caseType,
      date: a.lodgedOn,
      endDate: a.closedOn,
      outcome: null,
      instance: null,
      reason: null,
      region: a.region,
      withdrawn: a.withdrawn,
      unaccompanied: a.unaccompanied,
    });
  }
  for (const d of valuesOf(rows.decisions)) {
    const application = applications.get(d.applicationId);
    if (!application) throw new Error(`import: application ${d.applicationId} was not checked`);
    records.push({
      recordId: recordId(decisionsFile.name, d.decisionId),
      source: "import",
      kind: "decision",
      person: person(application.personId),
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
    });
  }
  for (const p of valuesOf(rows.permits)) {
    records.push({
      recordId: recordId(permitsFile.name, p.permitId),
      source: "import",
      kind: "permit",
      person: person(p.personId),
      caseType: p.caseType,
      date: p.validFrom,
      endDate: p.validTo,
      outcome: null,
      instance: null,
      reason: p.reason,
      region: p.region,
      withdrawn: false,
      unaccompanied: false,
    });
  }
  for (const spec of personEventFiles) {
    for (const e of valuesOf(rows.personEvents.get(spec.name) ?? [])) {
      const record: StatisticalRecord = {
        recordId: recordId(spec.name, e.id),
        source: "import",
        kind: spec.kind,
        person: person(e.personId),
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
      }
      records.push(record);
    }
  }
  return records;
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
