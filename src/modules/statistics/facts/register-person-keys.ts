import type { Queryable } from "../../../platform/db/index.js";
import { casePersonStandings, mainPersonsOfCases } from "../../people/index.js";
import { familyMemberSlotOf } from "./records-of-case.js";
import { registerPersonKey } from "./rekey-persons.js";
import type { StoredRecord } from "./replace-records.js";

/** The register persons of the family members of the cases some records are about, by `<case id>:<slot>`. */
async function familyMembersOfCases(db: Queryable, records: StoredRecord[]): Promise<Map<string, string>> {
  const caseIds = new Set<string>();
  for (const record of records) {
    if (record.caseId && familyMemberSlotOf(record.recordId) !== null) caseIds.add(record.caseId);
  }
  const members = new Map<string, string>();
  if (caseIds.size === 0) return members;
  for (const [caseId, standings] of await casePersonStandings(db, [...caseIds])) {
    for (const standing of standings) {
      if (standing.role === "family-member" && standing.personId)
        members.set(`${caseId}:${standing.slot}`, standing.personId);
    }
  }
  return members;
}

/**
 * Case records counted under the register person of their case when the register links one
 * (`person:<register id>`), so that a person's cases and imported records are one person to the
 * cubes; under the key the case gives them otherwise (records-of-case.ts), until a review links it.
 * A family member's records (a type counting every person of the case) go under the member's own
 * register person.
 */
export async function keyedByRegister(db: Queryable, records: StoredRecord[]): Promise<StoredRecord[]> {
  const caseIds = [...new Set(records.flatMap((record) => (record.caseId ? [record.caseId] : [])))];
  const persons = await mainPersonsOfCases(db, caseIds);
  const members = await familyMembersOfCases(db, records);
  if (persons.size === 0 && members.size === 0) return records;
  return records.map((record) => {
    if (!record.caseId) return record;
    const slot = familyMemberSlotOf(record.recordId);
    const personId = slot === null ? persons.get(record.caseId) : members.get(`${record.caseId}:${slot}`);
    return personId
      ? { ...record, person: { ...record.person, personKey: registerPersonKey(personId) } }
      : record;
  });
}
