import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../../test/support/test-app.js";
import type { TestClient } from "../../../../../test/support/test-client.js";
import { queryRows } from "../../../../platform/db/index.js";
import {
  location,
  newApplicant,
  signInNewStaff,
  submittedCase,
  workspaceSample,
} from "../../../cases/workspace/workspace-test-bed.js";
import { peopleDuplicateReviews } from "../../dedupe/schema.js";
import { nameKeys } from "../../names/normalise.js";
import { registerOccurrence } from "../../operations/register-occurrence.js";
import type { OccurrenceSource, PersonOccurrence } from "../../register/occurrence.js";
import { peopleNames, peoplePersons } from "../../schema.js";
import { readReviewSearch } from "../list-review-items.js";
import { personSummaries, type WrittenName } from "../person-summaries.js";
import { duplicateReviewsPerPage, listOpenDuplicateReviews } from "./list-duplicate-reviews.js";

let app: TestApp;
let registrar: { browser: TestClient; userId: string };
let ganjaRegistrar: { browser: TestClient; userId: string };
let caseOfficer: TestClient;
const caseNumbers: string[] = [];
/** Elvin, registered twice from two applications (Azerbaijani Latin, then Russian Cyrillic). */
let elvin: { first: string; second: string; pair: string };
/** Gülnarə, registered twice from two imported records. */
let gulnara: { first: string; second: string; pair: string };
/** Elvin's second entry beside Gülnarə's first: a pair that cannot be merged once Elvin's entries are. */
let crossPair: string;

// Every occurrence is registered as a new person: the pairs are then written as deduplication writes them.
const thresholds = { link: 1000, review: 1000 };
const fields = [
  { field: "given name", agreement: "equal", weight: 5.3 },
  { field: "surname", agreement: "equal", weight: 5.3 },
  { field: "date of birth", agreement: "exact", weight: 10.8 },
  { field: "document number", agreement: "different", weight: -6.1 },
];

async function register(occurrence: PersonOccurrence, source: OccurrenceSource): Promise<string> {
  const registered = await registerOccurrence(app.database.db, occurrence, source, { thresholds });
  return registered.personId as string;
}

async function openPair(personId: string, otherPersonId: string, createdAt: Date): Promise<string> {
  const id = randomUUID();
  await app.database.db
    .insert(peopleDuplicateReviews)
    .values({ id, personId, otherPersonId, score: 12.4, fields, status: "open", createdAt });
  return id;
}

async function staff(email: string, agency: string, roles: string[]) {
  return signInNewStaff(app.database.db, app.karvan.clock, app.client(), {
    email,
    fullName: `Officer ${email.split("@")[0]}`,
    agency,
    roles,
  });
}

async function audited(actorId: string, action: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    app.database.db,
    sql`select count(*)::int as n from audit_records where action = ${action} and actor_id = ${actorId}`,
  );
  return row?.n ?? 0;
}

async function statusOf(reviewId: string) {
  const [row] = await queryRows<{ status: string; merge_id: string | null }>(
    app.database.db,
    sql`select status, merge_id from people_duplicate_reviews where id = ${reviewId}`,
  );
  return row;
}

beforeAll(async () => {
  app = await createTestApp({ caseTypes: [workspaceSample] });
  registrar = await staff("registrar.dup@test.karvan.az", "SMS", ["register_officer"]);
  ganjaRegistrar = await staff("registrar.dup.ganja@test.karvan.az", "SMS-GANJA", ["register_officer"]);
  caseOfficer = (await staff("officer.dup@test.karvan.az", "SMS", ["case_officer"])).browser;
  const applicant = await newApplicant(app.database.db, app.karvan.clock, "elvin.dup@example.org", "Elvin M");
  const caseIds: string[] = [];
  for (const fullName of ["Elvin Məmmədov", "Эльвин Мамедов"]) {
    const state = await submittedCase(app.karvan.cases, app.config, applicant, {
      fullName,
      birthDate: "1990-05-01",
    });
    caseIds.push(state.id);
    caseNumbers.push(state.number);
  }
  const born = { birthDate: "1990-05-01", sex: "M" };
  const elvinFirst = await register(
    { givenNames: "Elvin", familyName: "Məmmədov", ...born, document: { number: "U1234567" } },
    { kind: "case", caseId: caseIds[0] as string, role: "applicant" },
  );
  const elvinSecond = await register(
    { fullName: "Эльвин Мамедов", ...born, document: { number: "P7654321" } },
    { kind: "case", caseId: caseIds[1] as string, role: "applicant" },
  );
  const batchId = randomUUID();
  const gulnaraFirst = await register(
    { givenNames: "Gülnarə", familyName: "Əliyeva", birthDate: "1985", sex: "F" },
    { kind: "import", batchId, importPersonId: "OLD-1" },
  );
  const gulnaraSecond = await register(
    { fullName: "Гюльнара Алиева", birthDate: "1985-03", sex: "F" },
    { kind: "import", batchId, importPersonId: "OLD-2" },
  );
  const found = new Date("2026-11-02T09:00:00Z");
  elvin = { first: elvinFirst, second: elvinSecond, pair: await openPair(elvinFirst, elvinSecond, found) };
  gulnara = {
    first: gulnaraFirst,
    second: gulnaraSecond,
    pair: await openPair(gulnaraFirst, gulnaraSecond, found),
  };
  crossPair = await openPair(elvinSecond, gulnaraFirst, found);
}, 180_000);

afterAll(async () => {
  await app?.close();
});

describe("who may open the duplicate pairs", () => {
  it("refuses an officer without the register permission, audited, and answers a malformed id as an unknown one", async () => {
    const pair = `/people/duplicates/${elvin.pair}`;
    for (const path of ["/people/duplicates", pair]) {
      expect((await caseOfficer.get(path)).statusCode, path).toBe(403);
    }
    expect((await caseOfficer.post(pair, { decision: "same-person", confirmed: "yes" })).statusCode).toBe(
      403,
    );
    const [denied] = await queryRows<{ n: number }>(
      app.database.db,
      sql`select count(*)::int as n from audit_records where action = 'access.denied' and outcome = 'denied'`,
    );
    expect(denied?.n).toBeGreaterThanOrEqual(3);
    expect((await statusOf(elvin.pair))?.status).toBe("open");
    const signedOut = await app.client().get(pair);
    expect(signedOut.statusCode).toBe(303);
    expect(location(signedOut)).toContain("/sign-in");
    expect((await registrar.browser.get("/people/duplicates/not-a-pair")).statusCode).toBe(404);
    expect((await registrar.browser.get(`/people/duplicates/${randomUUID()}`)).statusCode).toBe(404);
  });

  it("is linked beside the review queue in the register's navigation", async () => {
    const queue = await registrar.browser.get("/people/review");
    expect(queue.body).toContain('href="/people/duplicates"');
  });
});

describe("the list of pairs", () => {
  const listed = (body: string, reviewId: string) => body.includes(`/people/duplicates/${reviewId}`);

  it("lists the open pairs and finds them by a name in any spelling, a document or a birth date", async () => {
    const before = await audited(registrar.userId, "people.duplicate_review.listed");
    const all = await registrar.browser.get("/people/duplicates");
    expect(all.statusCode).toBe(200);
    expect(all.headers["cache-control"]).toContain("no-store");
    for (const id of [elvin.pair, gulnara.pair, crossPair]) expect(listed(all.body, id)).toBe(true);
    expect(all.body).toContain("Pairs waiting: 3");
    for (const q of [
      "Мамедов",
      "Mammadov",
      "Məmmədov",
      "MAMMADOV",
      "Məmməd",
      "elvin mamedov",
      "P 765 4321",
    ]) {
      const found = await registrar.browser.get(`/people/duplicates?q=${encodeURIComponent(q)}`);
      expect(listed(found.body, elvin.pair), q).toBe(true);
      expect(listed(found.body, gulnara.pair), q).toBe(false);
    }
    for (const q of ["Алиева", "Aliyeva", "Gulnara"]) {
      const found = await registrar.browser.get(`/people/duplicates?q=${encodeURIComponent(q)}`);
      expect(listed(found.body, gulnara.pair), q).toBe(true);
      expect(listed(found.body, elvin.pair), q).toBe(false);
    }
    const born = await registrar.browser.get("/people/duplicates?q=1985");
    expect(listed(born.body, gulnara.pair)).toBe(true);
    expect(listed(born.body, elvin.pair)).toBe(false);
    const none = await registrar.browser.get(`/people/duplicates?q=${encodeURIComponent("Həsənov")}`);
    expect(none.body).toContain('data-testid="duplicates-empty"');
    expect(await audited(registrar.userId, "people.duplicate_review.listed")).toBe(before + 13);
  });

  it("pages twenty pairs at a time", async () => {
    const later = new Date("2026-11-03T09:00:00Z");
    const extra: string[] = [];
    for (let index = 0; index < 18; index++) extra.push(await openPair(randomUUID(), randomUUID(), later));
    try {
      const first = await registrar.browser.get("/people/duplicates");
      expect(first.body).toContain('href="/people/duplicates?page=2"');
      expect(listed(first.body, elvin.pair)).toBe(true);
      const second = await registrar.browser.get("/people/duplicates?page=2");
      expect(second.statusCode).toBe(200);
      expect(listed(second.body, elvin.pair)).toBe(false);
      expect(extra.filter((id) => listed(second.body, id))).toHaveLength(1);
    } finally {
      await queryRows(
        app.database.db,
        sql`delete from people_duplicate_reviews where created_at = ${later.toISOString()}::timestamptz`,
      );
    }
  });
});

describe("the name search, against the comparable keys computed directly", () => {
  const given = ["Elvin", "Эльвин", "Rəşad", "Рашад", "Gülnarə", "Гюльнара", "Ilham"];
  const family = ["Məmmədov", "Мамедов", "MAMMADOV", "Əliyeva", "Алиева", "Hüseynov", "Гусейнов", "Qasımov"];
  const searches = [
    ...given,
    ...family,
    "Məmməd",
    "mam",
    "Elvin Mamedov",
    "Aliyeva Gulnara",
    "Hasanov",
    "?%_",
  ];

  /** Every search word begins a word of the name's comparable key. */
  function named(name: WrittenName, search: string): boolean {
    const words = (value: string) => nameKeys(value).comparable.split(" ").filter(Boolean);
    const wanted = words(search);
    const parts = [name.givenNames, name.familyName].filter(Boolean).join(" ") || (name.fullName ?? "");
    return wanted.length > 0 && wanted.every((one) => words(parts).some((word) => word.startsWith(one)));
  }

  /** The open pairs in the list's order, filtered in Node over the names the register holds. */
  async function openPairsNamed(search: string): Promise<string[]> {
    const rows = await queryRows<{ id: string; person_id: string; other_person_id: string }>(
      app.database.db,
      sql`select id, person_id, other_person_id from people_duplicate_reviews
        where status = 'open' order by created_at, score desc, id`,
    );
    const persons = await personSummaries(
      app.database.db,
      rows.flatMap((row) => [row.person_id, row.other_person_id]),
    );
    return rows
      .filter((row) =>
        [row.person_id, row.other_person_id].some((id) =>
          persons.get(id)?.names.some((name) => named(name, search)),
        ),
      )
      .map((row) => row.id);
  }

  // Written as the register writes them, in one statement per table: 90 persons with one name each.
  beforeAll(async () => {
    const persons: Array<typeof peoplePersons.$inferInsert> = [];
    const names: Array<typeof peopleNames.$inferInsert> = [];
    const reviews: Array<typeof peopleDuplicateReviews.$inferInsert> = [];
    for (let index = 0; index < 45; index++) {
      const personIds = [randomUUID(), randomUUID()];
      for (const [side, personId] of personIds.entries()) {
        const givenNames = given[(index * 3 + side) % given.length] as string;
        const familyName = family[(index * 5 + side * 2) % family.length] as string;
        const [g, f] = [nameKeys(givenNames), nameKeys(familyName)];
        persons.push({ id: personId, createdAt: new Date() });
        names.push({
          id: randomUUID(),
          personId,
          givenNames,
          familyName,
          script: g.script,
          givenComparable: g.comparable,
          familyComparable: f.comparable,
          givenPhonetic: g.phonetic,
          familyPhonetic: f.phonetic,
          addedAt: new Date(),
        });
      }
      reviews.push({
        id: randomUUID(),
        personId: personIds[0] as string,
        otherPersonId: personIds[1] as string,
        score: 10 + (index % 4),
        fields: [],
        status: index % 7 === 0 ? "kept-apart" : "open",
        createdAt: new Date(Date.UTC(2026, 10, 3 + (index % 3))),
      });
    }
    await app.database.db.insert(peoplePersons).values(persons);
    await app.database.db.insert(peopleNames).values(names);
    await app.database.db.insert(peopleDuplicateReviews).values(reviews);
  });

  it("finds in SQL exactly the open pairs whose names the search names, in the list's order, page by page", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...searches), fc.integer({ min: 1, max: 3 }), async (search, page) => {
        const expected = await openPairsNamed(search);
        const found = await listOpenDuplicateReviews(app.database.db, readReviewSearch(search), page);
        expect(found.total).toBe(expected.length);
        const from = (found.page - 1) * duplicateReviewsPerPage;
        expect(found.items.map((item) => item.id)).toEqual(
          expected.slice(from, from + duplicateReviewsPerPage),
        );
      }),
      { numRuns: 30 },
    );
  });
});

describe("a pair side by side", () => {
  it("shows both entries' names in every script, documents and the cases the officer may read", async () => {
    const viewed = await audited(registrar.userId, "people.person.viewed");
    const page = await registrar.browser.get(`/people/duplicates/${elvin.pair}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Elvin Məmmədov");
    expect(page.body).toContain("Эльвин Мамедов");
    expect(page.body).toContain("Russian Cyrillic: Elvin Mamedov");
    expect(page.body).toContain("Passport U1234567");
    expect(page.body).toContain("Passport P7654321");
    for (const number of caseNumbers) expect(page.body).toContain(number);
    expect(page.body).toContain("Date of birth");
    expect(page.body).toContain("the same date");
    expect(page.body).toContain('name="decision"');
    expect(await audited(registrar.userId, "people.person.viewed")).toBe(viewed + 2);
    expect(await audited(registrar.userId, "people.duplicate_review.viewed")).toBeGreaterThan(0);
  });

  it("counts, but never names, the cases of another agency", async () => {
    const page = await ganjaRegistrar.browser.get(`/people/duplicates/${elvin.pair}`);
    expect(page.statusCode).toBe(200);
    for (const number of caseNumbers) expect(page.body).not.toContain(number);
    expect(page.body).toContain("Cases in other agencies that you cannot open: 1");
    const imported = await ganjaRegistrar.browser.get(`/people/duplicates/${gulnara.pair}`);
    expect(imported.body).toContain("Imported record OLD-1");
    expect(imported.body).toContain("Imported record OLD-2");
  });
});

describe("deciding a pair", () => {
  it("asks for a decision at the field, then to confirm, and changes nothing before", async () => {
    const path = `/people/duplicates/${elvin.pair}`;
    const missing = await registrar.browser.post(path, {});
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('href="#decision"');
    const forged = await registrar.browser.post(
      path,
      { decision: "same-person", confirmed: "yes" },
      { csrf: false },
    );
    expect(forged.statusCode).toBe(403);
    const confirm = await registrar.browser.post(path, { decision: "same-person" });
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('name="confirmed" value="yes"');
    expect(confirm.body).toContain("will be merged into that of Elvin Məmmədov");
    expect((await statusOf(elvin.pair))?.status).toBe("open");
  });

  it("merges the later entry into the earlier once confirmed, audited, and answers a second decision with 409", async () => {
    const path = `/people/duplicates/${elvin.pair}`;
    const merged = await registrar.browser.post(path, { decision: "same-person", confirmed: "yes" });
    expect(merged.statusCode).toBe(303);
    expect(location(merged)).toBe(`/people/persons/${elvin.first}`);
    const review = await statusOf(elvin.pair);
    expect(review?.status).toBe("merged");
    expect(review?.merge_id).toBeTruthy();
    expect(await audited(registrar.userId, "people.duplicate_review.decided")).toBe(1);
    expect(await audited(registrar.userId, "people.merged")).toBe(1);
    const person = await registrar.browser.get(location(merged));
    for (const number of caseNumbers) expect(person.body).toContain(number);
    const again = await registrar.browser.post(path, { decision: "different-persons", confirmed: "yes" });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain("already been decided");
    expect((await registrar.browser.get("/people/duplicates")).body).not.toContain(path);
  });

  it("refuses to merge a pair one of whose entries was merged meanwhile, but keeps it apart", async () => {
    const path = `/people/duplicates/${crossPair}`;
    const page = await registrar.browser.get(path);
    expect(page.body).toContain("has since been merged into another entry");
    const refused = await registrar.browser.post(path, { decision: "same-person", confirmed: "yes" });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain("already been merged into another record");
    expect((await statusOf(crossPair))?.status).toBe("open");
    const kept = await registrar.browser.post(path, { decision: "different-persons", confirmed: "yes" });
    expect(kept.statusCode).toBe(303);
    expect(location(kept)).toBe("/people/duplicates");
    expect((await statusOf(crossPair))?.status).toBe("kept-apart");
  });
});

describe("the duplicate pages in every language", () => {
  it("reads in Azerbaijani, English and Russian with no text left untranslated", async () => {
    const client = ganjaRegistrar.browser;
    for (const lang of ["az", "en", "ru"]) {
      client.setCookie("karvan_lang", lang);
      const pages = [
        await client.get("/people/duplicates"),
        await client.get(`/people/duplicates/${gulnara.pair}`),
        await client.post(`/people/duplicates/${gulnara.pair}`, { decision: "different-persons" }),
        await client.get(`/people/duplicates/${elvin.pair}`),
      ];
      for (const page of pages) {
        expect(page.statusCode, lang).toBe(200);
        expect(page.body, lang).toContain(`lang="${lang}"`);
        expect(page.body, lang).not.toMatch(/people\.(register|errors|navigation)\./);
      }
    }
    client.setCookie("karvan_lang", "en");
  });
});
