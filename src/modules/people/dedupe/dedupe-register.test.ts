import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/database.js";
import { queryRows } from "../../../platform/db/index.js";
import { levelWeights } from "../matching/fellegi-sunter.js";
import { registerOccurrence } from "../operations/register-occurrence.js";
import { undoMerge } from "../operations/undo-merge.js";
import type { PersonOccurrence } from "../register/occurrence.js";
import { defaultRegisterModel } from "../register/scoring.js";
import { applyDeduplication } from "./apply-deduplication.js";
import { decideDuplicateReview } from "./decide-duplicate-review.js";
import { bandsForRegister, dedupeRegister } from "./dedupe-register.js";
import { registerValueWeights } from "./value-weights.js";

// The configured bands (KARVAN_PEOPLE_LINK_SCORE, KARVAN_PEOPLE_REVIEW_SCORE by default).
const thresholds = { link: 15, review: 5 };
const officer = { type: "user" as const, id: "00000000-0000-4000-a000-000000000001" };
const batchId = "00000000-0000-4000-9000-000000000001";

/** Records as older systems held them: one person under several spellings, scripts and dates. */
const records: Record<string, PersonOccurrence> = {
  ali: {
    givenNames: "Əli",
    familyName: "Məmmədov",
    birthDate: "1980-05-12",
    sex: "M",
    citizenship: "AZ",
    document: { number: "C12345678" },
  },
  aliRussian: {
    givenNames: "Али",
    familyName: "Мамедов",
    birthDate: "1980-05-12",
    sex: "M",
    document: { number: "C 1234 5678" },
  },
  aliPassport: { fullName: "ALI MAMMADOV", birthDate: "1980-12-05", sex: "M" },
  leyla: {
    givenNames: "Leyla",
    familyName: "Həsənova",
    birthDate: "1985-07-12",
    sex: "F",
    document: { number: "AA1234567" },
  },
  leylaRussian: {
    givenNames: "Лейла",
    familyName: "Гасанова",
    birthDate: "1985-07-12",
    sex: "F",
    document: { number: "AA1234567" },
  },
  nargiz: { givenNames: "Nərgiz", familyName: "Əliyeva", birthDate: "1990-01-01", sex: "F" },
  nargizYear: { givenNames: "Nərgiz", familyName: "Əliyeva", birthDate: "1990", sex: "F" },
  elvin: { givenNames: "Elvin", familyName: "Quliyev", birthDate: "1975-03-03", sex: "M" },
};

let database: TestDatabase;
const person: Record<string, string> = {};

/** Every record its own person (an older system's load, nothing linked), registered a minute apart in this order. */
beforeAll(async () => {
  database = await createTestDatabase();
  let minute = 0;
  for (const [name, occurrence] of Object.entries(records)) {
    const registration = await registerOccurrence(
      database.db,
      occurrence,
      { kind: "import", batchId, importPersonId: name },
      { thresholds: { link: 1000, review: 999 }, at: new Date(Date.UTC(2026, 0, 15, 10, minute++)) },
    );
    person[name] = registration.personId as string;
  }
});

afterAll(async () => {
  await database.destroy();
});

const sorted = (...names: string[]) => names.map((name) => person[name] as string).sort();

async function mergedInto(name: string): Promise<string | null> {
  const [row] = await queryRows<{ merged_into: string | null }>(
    database.db,
    sql`select merged_into from people_persons where id = ${person[name]}`,
  );
  return row?.merged_into ?? null;
}

describe("the register's own frequencies and size", () => {
  it("weigh agreement on a name or a birth date by how many persons share it", async () => {
    const weights = levelWeights(defaultRegisterModel);
    const values = await registerValueWeights(database.db, defaultRegisterModel, weights, {
      minimumNames: 8,
    });
    // Eight names, three of them "ali" (Əli, Али, ALI): log2(0.8 / (3/8)); m of an equal given name 0.8.
    expect(values?.given.of("ali")).toBeCloseTo(Math.log2(0.8 / (3 / 8)), 12);
    // Two of the eight persons born in 1990 (one knows only the year): log2(0.87 / (2/8)); m of the same date 0.87.
    expect(values?.birthDate?.compatible.of("1990")).toBeCloseTo(Math.log2(0.87 / (2 / 8)), 12);
    expect(await registerValueWeights(database.db, defaultRegisterModel, weights)).toBeNull();
  });

  it("raise the bands one bit each time the register doubles beyond the reference size", () => {
    const thresholds = { link: 15, review: 10 };
    expect(bandsForRegister(thresholds, 4096 * 8, 4096)).toEqual({ link: 18, review: 13 });
    expect(bandsForRegister(thresholds, 100, 4096)).toEqual(thresholds);
    expect(bandsForRegister(thresholds, 4096 * 8, 0)).toEqual(thresholds);
  });
});

describe("batch deduplication of the register", () => {
  it("clusters the records of one person across scripts and swapped dates, and sends the uncertain pair to review", async () => {
    const result = await dedupeRegister(database.db, { thresholds });
    expect(result.persons).toBe(8);
    expect(result.clusters).toEqual([
      sorted("ali", "aliRussian", "aliPassport"),
      sorted("leyla", "leylaRussian"),
    ]);
    expect(result.links).toBe(4);
    expect(result.pairs.filter((pair) => pair.band === "review").map((pair) => pair.personIds)).toEqual([
      sorted("nargiz", "nargizYear"),
    ]);
    // Too small a register to estimate from: the default weights stay.
    expect(result.modelEstimated).toBe(false);
    // Report mode changes nothing.
    expect(await mergedInto("aliRussian")).toBeNull();
  });

  it("merges each cluster into the person registered first and opens a review for the pair between the bands", async () => {
    const followed: unknown[] = [];
    const applied = await applyDeduplication(
      database.db,
      await dedupeRegister(database.db, { thresholds }),
      officer,
      { follow: async (_tx, changes) => void followed.push(...changes) },
    );
    expect(applied).toEqual({ merges: 3, skipped: 0, reviewsOpened: 1 });
    // Whoever counts persons (the statistics) is told of every merge, in the merge's transaction.
    expect(followed).toEqual(
      expect.arrayContaining([
        { kind: "merged", from: person.aliRussian, to: person.ali },
        { kind: "merged", from: person.aliPassport, to: person.ali },
        { kind: "merged", from: person.leylaRussian, to: person.leyla },
      ]),
    );
    expect(followed).toHaveLength(3);
    expect(await mergedInto("aliRussian")).toBe(person.ali);
    expect(await mergedInto("aliPassport")).toBe(person.ali);
    expect(await mergedInto("leylaRussian")).toBe(person.leyla);
    expect(await mergedInto("elvin")).toBeNull();
    const audited = await queryRows<{ action: string; count: number }>(
      database.db,
      sql`select action, count(*)::int as count from audit_records where action like 'people.%' group by action order by action`,
    );
    expect(audited).toEqual([
      { action: "people.deduplicated", count: 1 },
      { action: "people.merged", count: 3 },
    ]);
  });

  it("finds nothing new when run again, and opens no review twice", async () => {
    const again = await dedupeRegister(database.db, { thresholds });
    expect(again.persons).toBe(5);
    expect(again.clusters).toEqual([]);
    expect(await applyDeduplication(database.db, again, officer)).toEqual({
      merges: 0,
      skipped: 0,
      reviewsOpened: 0,
    });
  });

  it("undoes one merge: the person stands alone again and the next run finds it again", async () => {
    const [merge] = await queryRows<{ id: string }>(
      database.db,
      sql`select id from people_merges where merged_id = ${person.aliPassport}`,
    );
    await undoMerge(database.db, merge?.id as string, officer);
    expect(await mergedInto("aliPassport")).toBeNull();
    const found = await dedupeRegister(database.db, { thresholds });
    expect(found.clusters).toEqual([sorted("ali", "aliPassport")]);
  });

  it("merges a reviewed pair the officer calls one person, once", async () => {
    const [review] = await queryRows<{ id: string }>(
      database.db,
      sql`select id from people_duplicate_reviews where status = 'open'`,
    );
    const reviewId = review?.id as string;
    const outcome = await decideDuplicateReview(database.db, reviewId, "same-person", officer);
    expect(outcome.status).toBe("merged");
    expect(await mergedInto("nargizYear")).toBe(person.nargiz);
    await expect(
      decideDuplicateReview(database.db, reviewId, "different-persons", officer),
    ).rejects.toMatchObject({
      code: "review_decided",
    });
    await undoMerge(database.db, outcome.mergeId as string, officer);
    expect(await mergedInto("nargizYear")).toBeNull();
  });
});
