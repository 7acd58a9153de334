import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/database.js";
import { queryRows } from "../../../platform/db/index.js";
import { systemActor } from "../../access/index.js";
import { decideReview } from "./decide-review.js";
import { findCandidates } from "./find-candidates.js";
import { personOfCase } from "./person-of-case.js";
import { registerOccurrence } from "./register-occurrence.js";

const thresholds = { link: 15, review: 10 };
const at = new Date("2026-03-01T10:00:00Z");
const caseId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const batchId = "00000000-0000-4000-9000-000000000001";
const officer = { type: "user" as const, id: "00000000-0000-4000-a000-000000000001" };

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.destroy();
});

async function count(table: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from ${sql.identifier(table)}`,
  );
  return row?.n ?? 0;
}

describe("registering occurrences", () => {
  let mammadov: string;

  it("creates a new person when nobody in the register is close", async () => {
    const registration = await registerOccurrence(
      database.db,
      {
        fullName: "Əli Məmmədov",
        birthDate: "1990-05-01",
        citizenship: "RU",
        document: { number: "C1234567" },
      },
      { kind: "case", caseId: caseId(1), role: "applicant" },
      { thresholds, at },
    );
    expect(registration).toMatchObject({ band: "new", reviewId: null, candidates: [] });
    mammadov = registration.personId as string;
    expect(await personOfCase(database.db, caseId(1))).toEqual([mammadov]);
  });

  it("finds the person under every spelling of the name (Latin, Russian, English, passport order)", async () => {
    for (const fullName of ["Ali Mammadov", "Али Мамедов", "Ali Mamedov", "MAMMADOV ALI"]) {
      const [best] = await findCandidates(database.db, { fullName, birthDate: "1990-05-01" });
      expect(best?.personId, fullName).toBe(mammadov);
      expect(
        best?.fields.slice(0, 2).map((field) => field.agreement),
        fullName,
      ).toEqual(["equal", "equal"]);
    }
  });

  it("finds the person by the document number alone when the name is misspelt past the keys", async () => {
    const [best] = await findCandidates(database.db, {
      fullName: "Oleg Petrov",
      document: { number: "c 1234567" },
    });
    expect(best?.personId).toBe(mammadov);
    expect(best?.fields.find((field) => field.field === "document number")?.agreement).toBe("equal");
  });

  it("links at once at or above the link threshold and adds the new spelling to the person", async () => {
    const registration = await registerOccurrence(
      database.db,
      { fullName: "Али Мамедов", birthDate: "1990-05-01", citizenship: "RU" },
      { kind: "import", batchId, importPersonId: "P-1" },
      { thresholds, at },
    );
    expect(registration.band).toBe("linked");
    expect(registration.personId).toBe(mammadov);
    expect(registration.candidates[0]?.score).toBeGreaterThanOrEqual(thresholds.link);
    const names = await queryRows<{ full_name: string; script: string }>(
      database.db,
      sql`select full_name, script from people_names where person_id = ${mammadov} order by script desc`,
    );
    expect(names).toEqual([
      { full_name: "Əli Məmmədov", script: "latin" },
      { full_name: "Али Мамедов", script: "cyrillic-ru" },
    ]);
  });

  it("is idempotent per source: the same case or import again writes nothing", async () => {
    const before = await Promise.all(
      ["people_persons", "people_names", "people_keys", "people_case_links"].map(count),
    );
    const again = await registerOccurrence(
      database.db,
      { fullName: "Əli Məmmədov", birthDate: "1990-05-01", citizenship: "RU" },
      { kind: "case", caseId: caseId(1), role: "applicant" },
      { thresholds, at },
    );
    expect(again).toEqual({ band: "new", personId: mammadov, reviewId: null, candidates: [] });
    const importAgain = await registerOccurrence(
      database.db,
      { fullName: "Али Мамедов", birthDate: "1990-05-01" },
      { kind: "import", batchId, importPersonId: "P-1" },
      { thresholds, at },
    );
    expect(importAgain).toMatchObject({ band: "linked", personId: mammadov });
    const after = await Promise.all(
      ["people_persons", "people_names", "people_keys", "people_case_links"].map(count),
    );
    expect(after).toEqual(before);
  });

  it("sends a score between the thresholds to review without creating a person", async () => {
    // Same names, birth date unknown, citizenship the same: 5.3 + 5.3 + 2.2 = 12.9, under 15.
    const persons = await count("people_persons");
    const registration = await registerOccurrence(
      database.db,
      { fullName: "Ali Mammadov", citizenship: "RU" },
      { kind: "case", caseId: caseId(2), role: "worker" },
      { thresholds, at },
    );
    expect(registration.band).toBe("review");
    expect(registration.personId).toBeNull();
    expect(registration.candidates[0]?.score).toBeCloseTo(12.9, 1);
    expect(await count("people_persons")).toBe(persons);
    expect(await personOfCase(database.db, caseId(2))).toEqual([]);
    const again = await registerOccurrence(
      database.db,
      { fullName: "Ali Mammadov", citizenship: "RU" },
      { kind: "case", caseId: caseId(2), role: "worker" },
      { thresholds, at },
    );
    expect(again.reviewId).toBe(registration.reviewId);
    expect(again.candidates[0]?.personId).toBe(mammadov);
    expect(await count("people_review_items")).toBe(1);
  });

  it("moves the bands with the thresholds", async () => {
    const occurrence = { fullName: "Ali Mammadov", citizenship: "RU" };
    const linked = await registerOccurrence(
      database.db,
      occurrence,
      { kind: "case", caseId: caseId(3), role: "worker" },
      { thresholds: { link: 12, review: 10 }, at },
    );
    expect(linked).toMatchObject({ band: "linked", personId: mammadov });
    const fresh = await registerOccurrence(
      database.db,
      occurrence,
      { kind: "case", caseId: caseId(4), role: "worker" },
      { thresholds: { link: 30, review: 20 }, at },
    );
    expect(fresh.band).toBe("new");
    expect(fresh.personId).not.toBe(mammadov);
  });

  it("refuses an occurrence with neither a name nor a document (422 person_occurrence_empty)", async () => {
    await expect(
      registerOccurrence(
        database.db,
        { birthDate: "1990-05-01" },
        { kind: "case", caseId: caseId(5), role: "applicant" },
        { thresholds, at },
      ),
    ).rejects.toMatchObject({ code: "person_occurrence_empty", status: 422 });
  });

  it("decides a review by linking to the chosen person, once; a second decision is refused (409 review_decided)", async () => {
    const [item] = await queryRows<{ id: string }>(database.db, sql`select id from people_review_items`);
    const reviewId = item?.id as string;
    const outcome = await decideReview(database.db, reviewId, { personId: mammadov }, officer, at);
    expect(outcome).toEqual({ reviewId, status: "linked", personId: mammadov });
    expect(await personOfCase(database.db, caseId(2))).toEqual([mammadov]);
    const [decided] = await queryRows<{ status: string; decided_by: string; person_id: string }>(
      database.db,
      sql`select status, decided_by, person_id from people_review_items where id = ${reviewId}`,
    );
    expect(decided).toEqual({ status: "linked", decided_by: `user:${officer.id}`, person_id: mammadov });
    const audit = await queryRows<{ action: string; entity_id: string }>(
      database.db,
      sql`select action, entity_id from audit_records where action = 'people.review.decided'`,
    );
    expect(audit).toEqual([{ action: "people.review.decided", entity_id: reviewId }]);
    await expect(decideReview(database.db, reviewId, "new", officer, at)).rejects.toMatchObject({
      code: "review_decided",
      status: 409,
    });
    const registration = await registerOccurrence(
      database.db,
      { fullName: "Ali Mammadov", citizenship: "RU" },
      { kind: "case", caseId: caseId(2), role: "worker" },
      { thresholds, at },
    );
    expect(registration).toMatchObject({ band: "linked", personId: mammadov, reviewId });
  });

  it("decides a review as a new person, and answers 404 for an unknown item or person", async () => {
    const registration = await registerOccurrence(
      database.db,
      { givenNames: "Ali", familyName: "Mammadov", citizenship: "RU" },
      { kind: "import", batchId, importPersonId: "P-2" },
      { thresholds, at },
    );
    const reviewId = registration.reviewId as string;
    await expect(
      decideReview(database.db, reviewId, { personId: caseId(99) }, systemActor, at),
    ).rejects.toMatchObject({ code: "person_not_found", status: 404 });
    await expect(decideReview(database.db, "not-an-id", "new", systemActor, at)).rejects.toMatchObject({
      code: "review_not_found",
      status: 404,
    });
    const outcome = await decideReview(database.db, reviewId, "new", systemActor, at);
    expect(outcome.status).toBe("new");
    expect(outcome.personId).not.toBe(mammadov);
    const [link] = await queryRows<{ person_id: string; how: string }>(
      database.db,
      sql`select person_id, how from people_import_links where import_person_id = 'P-2'`,
    );
    expect(link).toEqual({ person_id: outcome.personId, how: "review" });
  });
});

describe("registering the person of another register's record", () => {
  const placementId = "00000000-0000-4000-b000-000000000001";
  const requestId = "00000000-0000-4000-b000-000000000002";
  const placement = { kind: "record" as const, register: "detention" as const, recordId: placementId };

  it("links the record once, in a table of its own, however often it is registered", async () => {
    const occurrence = { fullName: "Nigar Quliyeva", birthDate: "1988-11-20", document: { number: "N7001" } };
    const first = await registerOccurrence(database.db, occurrence, placement, { thresholds, at });
    expect(first.band).toBe("new");
    const counts = () =>
      Promise.all(
        ["people_persons", "people_names", "people_keys", "people_record_links", "people_import_links"].map(
          count,
        ),
      );
    const before = await counts();
    const again = await registerOccurrence(database.db, occurrence, placement, { thresholds, at });
    expect(again).toEqual({ band: "new", personId: first.personId, reviewId: null, candidates: [] });
    expect(await counts()).toEqual(before);
    const links = await queryRows<{ person_id: string; register: string; record_id: string; how: string }>(
      database.db,
      sql`select person_id, register, record_id, how from people_record_links`,
    );
    expect(links).toEqual([
      { person_id: first.personId, register: "detention", record_id: placementId, how: "new" },
    ]);
    // The same id in another register is another source.
    const request = { kind: "record" as const, register: "readmission" as const, recordId: placementId };
    const other = await registerOccurrence(database.db, occurrence, request, { thresholds, at });
    expect(other).toMatchObject({ band: "linked", personId: first.personId });
    expect(await count("people_record_links")).toBe(2);
  });

  it("sends an undecided record to review and links it by the officer's decision", async () => {
    const registration = await registerOccurrence(
      database.db,
      { fullName: "Ali Mammadov", citizenship: "RU" },
      { kind: "record", register: "readmission", recordId: requestId },
      { thresholds, at },
    );
    expect(registration.band).toBe("review");
    const [item] = await queryRows<{ source_key: string; case_id: string | null }>(
      database.db,
      sql`select source_key, case_id from people_review_items where id = ${registration.reviewId}`,
    );
    expect(item).toEqual({ source_key: `record:readmission:${requestId}`, case_id: null });
    const best = registration.candidates[0]?.personId as string;
    const outcome = await decideReview(
      database.db,
      registration.reviewId as string,
      { personId: best },
      officer,
      at,
    );
    expect(outcome.personId).toBe(best);
    const [link] = await queryRows<{ person_id: string; how: string }>(
      database.db,
      sql`select person_id, how from people_record_links where record_id = ${requestId}`,
    );
    expect(link).toEqual({ person_id: best, how: "review" });
    const again = await registerOccurrence(
      database.db,
      { fullName: "Ali Mammadov", citizenship: "RU" },
      { kind: "record", register: "readmission", recordId: requestId },
      { thresholds, at },
    );
    expect(again).toMatchObject({ band: "linked", personId: best, reviewId: registration.reviewId });
  });
});
