import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/database.js";
import { statisticalRecord } from "../test-support/statistical-record.js";
import { eachPersonRecords } from "./each-person-records.js";
import { insertRecords } from "./record-repository.js";
import type { StatisticalRecord } from "./statistical-record.js";

let database: TestDatabase;

function record(personKey: string, n: number): StatisticalRecord {
  return statisticalRecord({ recordId: `${personKey}-${n}`, source: "import", person: { personKey } });
}

/** Persons d, b, a, c with 2, 1, 3 and 4 records, written in no particular order. */
const counts: Record<string, number> = { d: 2, b: 1, a: 3, c: 4 };

beforeAll(async () => {
  database = await createTestDatabase();
  const records = Object.entries(counts).flatMap(([person, count]) =>
    Array.from({ length: count }, (_, index) => record(person, index + 1)),
  );
  await insertRecords(database.db, records.reverse());
});

afterAll(async () => {
  await database?.destroy();
});

async function groups(recordsPerFetch: number) {
  const seen: Array<[string, number]> = [];
  const fetches: number[] = [];
  const persons = await database.db.transaction((tx) =>
    eachPersonRecords(
      tx,
      (records) => {
        const keys = new Set(records.map((one) => one.person.personKey));
        expect(keys.size).toBe(1);
        seen.push([records[0]?.person.personKey ?? "", records.length]);
      },
      (done) => fetches.push(done),
      recordsPerFetch,
    ),
  );
  return { persons, seen: seen.sort(), fetches };
}

describe("reading the records person by person", () => {
  it("hands over all of a person's records at once, also when they span fetches", async () => {
    const expected = Object.entries(counts).sort();
    for (const perFetch of [1, 3, 5, 10, 1000]) {
      const { persons, seen } = await groups(perFetch);
      expect(persons).toBe(4);
      expect(seen).toEqual(expected);
    }
  });

  it("reads ahead one fetch at a time, and ends on the first short one", async () => {
    // 10 records in fetches of 3: 3, 3, 3, 1; persons are counted once complete.
    expect((await groups(3)).fetches).toHaveLength(4);
    // Two full fetches of 5, then an empty one.
    expect((await groups(5)).fetches).toHaveLength(3);
  });

  it("has nothing to hand over when there are no records", async () => {
    await database.db.execute(sql`delete from stat_records`);
    expect(await groups(3)).toEqual({ persons: 0, seen: [], fetches: [0] });
  });
});
