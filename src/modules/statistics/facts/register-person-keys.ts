import type { Queryable } from "../../../platform/db/index.js";
import { mainPersonsOfCases } from "../../people/index.js";
import { registerPersonKey } from "./rekey-persons.js";
import type { StoredRecord } from "./replace-records.js";

/**
 * Case records counted under the register person of their case when the register links one
 * (`person:<register id>`), so that a person's cases and imported records are one person to the
 * cubes; under the key the case gives them otherwise (records-of-case.ts), until a review links it.
 */
export async function keyedByRegister(db: Queryable, records: StoredRecord[]): Promise<StoredRecord[]> {
  const caseIds = [...new Set(records.flatMap((record) => (record.caseId ? [record.caseId] : [])))];
  const persons = await mainPersonsOfCases(db, caseIds);
  if (persons.size === 0) return records;
  return records.map((record) => {
    const personId = record.caseId ? persons.get(record.caseId) : undefined;
    return personId
      ? { ...record, person: { ...record.person, personKey: registerPersonKey(personId) } }
      : record;
  });
}
