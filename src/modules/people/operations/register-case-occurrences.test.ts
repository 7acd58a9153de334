import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/database.js";
import { type Queryable, queryRows } from "../../../platform/db/index.js";
import type { PersonOccurrence } from "../register/occurrence.js";
import {
  type CaseOccurrence,
  type CaseOccurrences,
  registerCaseOccurrences,
  registerCasesOccurrences,
} from "./register-case-occurrences.js";
import { type Registration, registerOccurrence } from "./register-occurrence.js";

/**
 * A submission registers its persons in a handful of statements (register-case-occurrences.ts).
 * Whatever the persons, it must give what registering them one by one gives: the same bands, the
 * same candidates with the same scores, the same rows written. Both run on the same register (the
 * plain one in a transaction rolled back), case after case, so the register grows as it would.
 */

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.destroy();
});

const options = { thresholds: { link: 15, review: 10 }, at: new Date("2026-03-01T10:00:00Z") };

class RolledBack extends Error {}

/** Everything the register holds, without row ids; persons named by `nameOf` (ids differ between runs). */
async function registerRows(db: Queryable, nameOf: (id: string) => string) {
  const rows = async (query: ReturnType<typeof sql>) =>
    (await queryRows(db, query))
      .map((row) =>
        JSON.stringify(row, (_key, value) =>
          typeof value === "string" && /^[0-9a-f-]{36}$/.test(value) ? nameOf(value) : value,
        ),
      )
      .sort();
  return {
    persons: await rows(sql`select id, sex, birth_date, citizenships, merged_into from people_persons`),
    names: await rows(sql`select person_id, given_names, family_name, full_name, script, given_comparable,
      family_comparable, given_phonetic, family_phonetic from people_names`),
    documents: await rows(sql`select person_id, type, number, issuing_state, expiry from people_documents`),
    keys: await rows(sql`select key, person_id from people_keys`),
    links: await rows(sql`select person_id, case_id, role, slot, how from people_case_links`),
    reviews: await rows(sql`select source_key, source, occurrence, case_id, candidates, status
      from people_review_items`),
  };
}

/** The registrations and the register after them, with the persons this case created named by their place. */
async function outcome(db: Queryable, registrations: Registration[]) {
  const created = new Map<string, string>();
  registrations.forEach((registration, index) => {
    if (registration.band === "new" && registration.personId)
      created.set(registration.personId, `new-${index}`);
  });
  const nameOf = (id: string) => created.get(id) ?? id;
  return {
    registrations: registrations.map((registration) => ({
      band: registration.band,
      personId: registration.personId && nameOf(registration.personId),
      inReview: registration.reviewId !== null,
      // Candidates of equal score are ordered by register id, which is random: compare them by name.
      candidates: registration.candidates
        .map((candidate) => ({ ...candidate, personId: nameOf(candidate.personId) }))
        .sort((a, b) => b.score - a.score || a.personId.localeCompare(b.personId)),
    })),
    register: await registerRows(db, nameOf),
  };
}

async function oneByOne(caseId: string, persons: CaseOccurrence[]) {
  let seen: Awaited<ReturnType<typeof outcome>> | undefined;
  await database.db
    .transaction(async (tx) => {
      const registrations: Registration[] = [];
      for (const { occurrence, role, slot } of persons) {
        registrations.push(
          await registerOccurrence(tx, occurrence, { kind: "case", caseId, role, slot }, options),
        );
      }
      seen = await outcome(tx, registrations);
      throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  return seen;
}

/** Several cases one after the other, each registered alone, in a transaction rolled back. */
async function caseAfterCase(cases: CaseOccurrences[]) {
  let seen: Awaited<ReturnType<typeof outcome>> | undefined;
  await database.db
    .transaction(async (tx) => {
      const registrations: Registration[] = [];
      for (const { caseId, persons } of cases) {
        registrations.push(...(await registerCaseOccurrences(tx, caseId, persons, options)));
      }
      seen = await outcome(tx, registrations);
      throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  return seen;
}

async function batched(caseId: string, persons: CaseOccurrence[]) {
  return database.db.transaction(async (tx) =>
    outcome(tx, await registerCaseOccurrences(tx, caseId, persons, options)),
  );
}

const names = ["Ali Mammadov", "Али Мамедов", "MAMMADOV ALI", "Elvin Aliyev", "Olga Petrova", "Olha Petrova"];
const occurrence: fc.Arbitrary<PersonOccurrence> = fc
  .record(
    {
      fullName: fc.constantFrom(...names),
      birthDate: fc.constantFrom("1990-05-01", "1990-01-05", "1990", "1985-07-21"),
      sex: fc.constantFrom("F", "M"),
      citizenship: fc.constantFrom("RU", "TR", "AZ"),
      document: fc.record(
        {
          number: fc.constantFrom("C1234567", "C 123 4567", "U7654321", "P0000001"),
          type: fc.constantFrom("passport" as const, "id-card" as const),
          issuingState: fc.constantFrom("RU", "TR"),
        },
        { requiredKeys: ["number"] },
      ),
    },
    { requiredKeys: ["fullName"] },
  )
  .map((person) => person as PersonOccurrence);
const casePersons = fc
  .array(occurrence, { minLength: 1, maxLength: 3 })
  .map((persons) =>
    persons.map((person, index) =>
      index === 0
        ? { occurrence: person, role: "applicant", slot: 0 }
        : { occurrence: person, role: "family-member", slot: index - 1 },
    ),
  );

const olga: PersonOccurrence = {
  fullName: "Olga Petrova",
  birthDate: "1985-07-21",
  citizenship: "RU",
  document: { number: "751234567" },
};

describe("registering a case's persons together", () => {
  it("gives what registering them one by one gives, on a growing register", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(casePersons, { minLength: 1, maxLength: 4 }), async (cases) => {
        for (const persons of cases) {
          const caseId = randomUUID();
          const expected = await oneByOne(caseId, persons);
          expect(await batched(caseId, persons)).toEqual(expected);
        }
      }),
      {
        numRuns: 8,
        // A family member who is the applicant again: matched afresh, against the person just created.
        examples: [
          [
            [
              [
                { occurrence: olga, role: "applicant", slot: 0 },
                { occurrence: { ...olga, fullName: "Olha Petrova" }, role: "family-member", slot: 0 },
              ],
            ],
          ],
        ],
      },
    );
  });

  it("gives for a batch of cases what registering case after case gives", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(casePersons, { minLength: 2, maxLength: 4 }), async (persons) => {
        const cases = persons.map((one) => ({ caseId: randomUUID(), persons: one }));
        const expected = await caseAfterCase(cases);
        const together = await database.db.transaction(async (tx) =>
          outcome(tx, (await registerCasesOccurrences(tx, cases, options)).flat()),
        );
        expect(together).toEqual(expected);
      }),
      {
        numRuns: 6,
        // The second case's guest is the first case's, spelt otherwise: linked to the person just created.
        examples: [
          [
            [
              [{ occurrence: olga, role: "guest", slot: 0 }],
              [{ occurrence: { ...olga, fullName: "Olha Petrova" }, role: "guest", slot: 0 }],
            ],
          ],
        ],
      },
    );
  });

  it("answers a case registered before as it stands, writing nothing", async () => {
    const caseId = randomUUID();
    const persons = [
      { occurrence: { fullName: "Nino Beridze", birthDate: "1970-02-03" }, role: "applicant", slot: 0 },
    ];
    const [first] = await registerCaseOccurrences(database.db, caseId, persons, options);
    const before = await registerRows(database.db, (id) => id);
    expect(await registerCaseOccurrences(database.db, caseId, persons, options)).toEqual([
      { band: first?.band, personId: first?.personId, reviewId: null, candidates: [] },
    ]);
    expect(await registerRows(database.db, (id) => id)).toEqual(before);
  });
});

describe.runIf(process.env.KARVAN_TEST_DB === "postgres")(
  "two first submissions of one person at once",
  () => {
    it("make one person: the second waits on the person's key until the first commits, then links", async () => {
      const guest = [
        {
          occurrence: {
            fullName: "Zeynep Kaya",
            birthDate: "1992-11-30",
            citizenship: "TR",
            document: { number: "U5550001" },
          },
          role: "guest",
          slot: 0,
        },
      ];
      let commitFirst = () => {};
      const firstMayCommit = new Promise<void>((resolve) => {
        commitFirst = resolve;
      });
      let firstRegistered = () => {};
      const registered = new Promise<void>((resolve) => {
        firstRegistered = resolve;
      });
      const first = database.db.transaction(async (tx) => {
        const registrations = await registerCaseOccurrences(tx, randomUUID(), guest, options);
        firstRegistered();
        await firstMayCommit;
        return registrations;
      });
      await registered;
      const second = database.db.transaction((tx) =>
        registerCaseOccurrences(tx, randomUUID(), guest, options),
      );
      try {
        // The second waits on the lock the first holds: nothing else of this database waits on one.
        await vi.waitFor(
          async () => {
            const [waiting] = await queryRows<{ n: number }>(
              database.db,
              sql`select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted
              and database = (select oid from pg_database where datname = current_database())`,
            );
            expect(waiting?.n).toBe(1);
          },
          { timeout: 10_000, interval: 20 },
        );
      } finally {
        commitFirst();
      }
      const [[created], [linked]] = await Promise.all([first, second]);
      expect(created?.band).toBe("new");
      expect(linked).toMatchObject({ band: "linked", personId: created?.personId });
    });
  },
);
