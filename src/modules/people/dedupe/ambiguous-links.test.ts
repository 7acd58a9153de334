import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/database.js";
import { registerOccurrence } from "../operations/register-occurrence.js";
import type { PersonOccurrence } from "../register/occurrence.js";
import { dedupeRegister } from "./dedupe-register.js";

const batchId = "00000000-0000-4000-9000-000000000003";
let database: TestDatabase;
const person: Record<string, string> = {};

async function register(records: Record<string, PersonOccurrence>) {
  for (const [name, occurrence] of Object.entries(records)) {
    const registration = await registerOccurrence(
      database.db,
      occurrence,
      { kind: "import", batchId, importPersonId: name },
      { thresholds: { link: 1000, review: 999 } },
    );
    person[name] = registration.personId as string;
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.destroy();
});

describe("links that would chain namesakes", () => {
  it("sends to review the links of a record that links two persons the matcher keeps apart", async () => {
    // With the default weights: the year-only record scores 12.1 against each namesake (a link at
    // 10), the two namesakes with their different birth dates 7.0 against each other (below 8).
    await register({
      yearOnly: { fullName: "ALI MAMMADOV", birthDate: "1980", sex: "M" },
      spring: { givenNames: "Əli", familyName: "Məmmədov", birthDate: "1980-03-01", sex: "M" },
      autumn: { givenNames: "Əli", familyName: "Məmmədov", birthDate: "1980-11-20", sex: "M" },
    });
    const result = await dedupeRegister(database.db, { thresholds: { link: 10, review: 8 } });
    expect(result.clusters).toEqual([]);
    expect(result.ambiguousLinks).toBe(2);
    expect(result.pairs.map((pair) => [pair.personIds, pair.band])).toEqual(
      expect.arrayContaining([
        [[person.yearOnly, person.spring].sort(), "review"],
        [[person.yearOnly, person.autumn].sort(), "review"],
      ]),
    );
    expect(result.pairs).toHaveLength(2);
  });

  it("does not merge a cluster larger than the largest plausible one", async () => {
    const result = await dedupeRegister(database.db, {
      thresholds: { link: 0, review: -100 },
      maxClusterSize: 2,
    });
    expect(result.clusters).toEqual([]);
    expect(result.pairs.every((pair) => pair.band === "review")).toBe(true);
    const kept = await dedupeRegister(database.db, {
      thresholds: { link: 0, review: -100 },
      maxClusterSize: 3,
    });
    expect(kept.clusters).toEqual([[person.yearOnly, person.spring, person.autumn].sort()]);
  });
});
