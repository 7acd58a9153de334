import type { Queryable } from "../../../platform/db/index.js";
import { fetchRecordsInPersonOrder, openRecordsInPersonOrder } from "./record-repository.js";
import { later } from "./replay-case-range.js";
import type { StatisticalRecord } from "./statistical-record.js";

/**
 * Hands every person's records, all of them at once, to `onPerson`, in one sorted pass over the
 * records (inside a transaction: it reads through a cursor). The next fetch is read while this one
 * is worked on; a person's records may span two fetches. Returns how many persons there were.
 */
export async function eachPersonRecords(
  tx: Queryable,
  onPerson: (records: StatisticalRecord[]) => void,
  onFetched: (persons: number) => void = () => {},
  recordsPerFetch = 20_000,
): Promise<number> {
  let persons = 0;
  let person: StatisticalRecord[] = [];
  const handOver = () => {
    if (person.length === 0) return;
    onPerson(person);
    persons += 1;
    person = [];
  };
  await openRecordsInPersonOrder(tx);
  let fetched = later(fetchRecordsInPersonOrder(tx, recordsPerFetch));
  for (let more = true; more; ) {
    const batch = await fetched;
    more = batch.length === recordsPerFetch;
    if (more) fetched = later(fetchRecordsInPersonOrder(tx, recordsPerFetch));
    for (const record of batch) {
      if (person[0] && person[0].person.personKey !== record.person.personKey) handOver();
      person.push(record);
    }
    onFetched(persons);
  }
  handOver();
  return persons;
}
