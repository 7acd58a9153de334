import type { PersonFacts, StatisticalRecord } from "../facts/statistical-record.js";
import { applicationsFile, decisionsFile, permitsFile, personEventFiles } from "./import-file-specs.js";
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

  const records: StatisticalRecord[] = [];
  for (const a of applications.values()) {
    records.push({
      ...notApplicable(),
      recordId: recordId(applicationsFile.name, a.applicationId),
      kind: "application",
      person: person(a.personId),
      caseType: a.caseType,
      date: a.lodgedOn,
      endDate: a.closedOn,
      region: a.region,
      withdrawn: a.withdrawn,
      unaccompanied: a.unaccompanied,
    });
  }
  for (const d of valuesOf(rows.decisions)) {
    const application = applications.get(d.applicationId);
    if (!application) throw new Error(`import: application ${d.applicationId} was not checked`);
    records.push({
      ...notApplicable(),
      recordId: recordId(decisionsFile.name, d.decisionId),
      kind: "decision",
      person: person(application.personId),
      caseType: application.caseType,
      date: d.decidedOn,
      outcome: d.outcome,
      instance: d.instance,
      region: application.region,
      lodgedOn: application.lodgedOn,
    });
  }
  for (const p of valuesOf(rows.permits)) {
    records.push({
      ...notApplicable(),
      recordId: recordId(permitsFile.name, p.permitId),
      kind: "permit",
      person: person(p.personId),
      caseType: p.caseType,
      date: p.validFrom,
      endDate: p.validTo,
      reason: p.reason,
      region: p.region,
    });
  }
  for (const spec of personEventFiles) {
    for (const e of valuesOf(rows.personEvents.get(spec.name) ?? [])) {
      records.push({
        ...notApplicable(),
        recordId: recordId(spec.name, e.id),
        kind: spec.kind,
        person: person(e.personId),
        caseType: spec.caseType,
        date: e.date,
        endDate: e.endDate,
        region: e.region,
      });
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

function notApplicable() {
  return {
    source: "import" as const,
    endDate: null,
    outcome: null,
    instance: null,
    reason: null,
    region: null,
    withdrawn: false,
    unaccompanied: false,
  };
}

function valuesOf<T>(lines: readonly ReadRow<T>[]): T[] {
  return lines.map((row) => {
    if (row.value === null) throw new Error(`import: line ${row.line} has errors but records were requested`);
    return row.value;
  });
}
