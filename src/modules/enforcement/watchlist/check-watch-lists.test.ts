import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/database.js";
import type { SubmittedPerson } from "../../cases/index.js";
import { checkPersonsAgainstWatchLists } from "./check-watch-lists.js";
import { insertEntries } from "./watch-list-repository.js";

/**
 * A submission's persons (a batch's too) are checked against the watch lists in one statement:
 * each must get the finding it gets when checked alone.
 */
let database: TestDatabase;
const setting = { today: "2026-03-01", threshold: 12 };

beforeAll(async () => {
  database = await createTestDatabase();
  const entry = (names: string[], birthDate: string, documentNumbers: string[], validUntil = "") => ({
    list: "entry_ban" as const,
    names,
    birthDate,
    sex: "" as const,
    citizenships: ["RUS"],
    documentNumbers,
    legalBasis: "Migration Code, article 16",
    issuingAuthority: "State Migration Service",
    validFrom: "2025-01-01",
    validUntil,
  });
  await insertEntries(
    database.db,
    [
      entry(["Məmmədov Elvin", "Мамедов Эльвин"], "1990-05-01", ["C7654321"]),
      entry(["Elvin Mammadov"], "1990-01-05", []),
      entry(["Olga Petrova"], "1985-07-21", ["751234567"]),
      // No longer in force: never found.
      entry(["Olga Petrova"], "1985-07-21", [], "2025-12-31"),
    ],
    { userId: "00000000-0000-4000-8000-000000000001", at: new Date("2025-01-01T00:00:00Z") },
  );
});

afterAll(async () => {
  await database?.destroy();
});

const person: fc.Arbitrary<SubmittedPerson> = fc.record({
  names: fc.subarray(["Elvin Mammadov", "Мамедов Эльвин", "Olha Petrova", "Aziz Karimov"], {
    minLength: 1,
  }),
  birthDate: fc.constantFrom(null, "1990-05-01", "1990-01-05", "1985-07-21", "1990"),
  sex: fc.constantFrom(null, "M", "F"),
  citizenship: fc.constantFrom(null, "RUS", "AZE"),
  documentNumber: fc.constantFrom(null, "C7654321", "751234567", "U0000001"),
});

describe("checking a submission's persons against the watch lists", () => {
  it("finds for each person of a batch what checking them alone finds", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(person, { minLength: 1, maxLength: 6 }), async (persons) => {
        const alone = [];
        for (const one of persons) {
          alone.push(...(await checkPersonsAgainstWatchLists(database.db, [one], setting)));
        }
        expect(await checkPersonsAgainstWatchLists(database.db, persons, setting)).toEqual(alone);
      }),
      {
        numRuns: 15,
        examples: [
          [
            [
              {
                names: ["Aziz Karimov"],
                birthDate: null,
                sex: null,
                citizenship: null,
                documentNumber: null,
              },
              {
                names: ["Elvin Mammadov"],
                birthDate: "1990-05-01",
                sex: "M",
                citizenship: "RUS",
                documentNumber: "C7654321",
              },
            ],
          ],
        ],
      },
    );
  });

  it("holds the person the list names, and only them", async () => {
    const findings = await checkPersonsAgainstWatchLists(
      database.db,
      [
        {
          names: ["Aziz Karimov"],
          birthDate: "1970-02-03",
          sex: null,
          citizenship: null,
          documentNumber: null,
        },
        {
          names: ["Elvin Mammadov"],
          birthDate: "1990-05-01",
          sex: "M",
          citizenship: "RUS",
          documentNumber: "C7654321",
        },
      ],
      setting,
    );
    expect(findings[0]).toBeNull();
    expect(findings[1]).toMatchObject({ list: "entry_ban" });
  });
});
