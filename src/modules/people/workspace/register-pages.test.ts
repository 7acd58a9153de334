import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.js";
import type { TestClient } from "../../../../test/support/test-client.js";
import { queryRows } from "../../../platform/db/index.js";
import { loadEvents } from "../../cases/index.js";
import {
  location,
  newApplicant,
  signInNewStaff,
  submittedCase,
  workspaceSample,
} from "../../cases/workspace/workspace-test-bed.js";
import { registerOccurrence } from "../operations/register-occurrence.js";
import type { OccurrenceSource, PersonOccurrence } from "../register/occurrence.js";

let app: TestApp;
let registrar: { browser: TestClient; userId: string };
let ganjaRegistrar: { browser: TestClient; userId: string };
let caseOfficer: TestClient;
let administrator: TestClient;
const caseIds: string[] = [];
const caseNumbers: string[] = [];
let reviewId: string;
let firstPersonId: string;
/** A second register entry of the same man, from an imported record: found by the search, merged and parted. */
let otherId: string;

// Every occurrence with a candidate goes to review, none is linked at once: the pages decide.
const thresholds = { link: 1000, review: -1000 };

const elvin: PersonOccurrence = {
  givenNames: "Elvin",
  familyName: "Məmmədov",
  birthDate: "1990-05-01",
  sex: "M",
  citizenship: "TR",
  document: { number: "U1234567", type: "passport" },
};

async function register(occurrence: PersonOccurrence, source: OccurrenceSource) {
  return registerOccurrence(app.database.db, occurrence, source, { thresholds });
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

beforeAll(async () => {
  app = await createTestApp({ caseTypes: [workspaceSample] });
  registrar = await staff("registrar@test.karvan.az", "SMS", ["register_officer"]);
  ganjaRegistrar = await staff("registrar.ganja@test.karvan.az", "SMS-GANJA", ["register_officer"]);
  caseOfficer = (await staff("officer.noregister@test.karvan.az", "SMS", ["case_officer"])).browser;
  administrator = (await staff("admin.register@test.karvan.az", "SMS", ["administrator"])).browser;
  const applicant = await newApplicant(
    app.database.db,
    app.karvan.clock,
    "elvin.register@example.org",
    "Elvin M",
  );
  for (const fullName of ["Elvin Məmmədov", "Эльвин Мамедов"]) {
    const state = await submittedCase(app.karvan.cases, app.config, applicant, {
      fullName,
      birthDate: "1990-05-01",
    });
    caseIds.push(state.id);
    caseNumbers.push(state.number);
  }
  const first = await register(elvin, { kind: "case", caseId: caseIds[0] as string, role: "applicant" });
  firstPersonId = first.personId as string;
  // The same person in Russian Cyrillic with another passport: the register cannot decide alone.
  const second = await register(
    { fullName: "Эльвин Мамедов", birthDate: "1990-05-01", sex: "M", document: { number: "P7654321" } },
    { kind: "case", caseId: caseIds[1] as string, role: "applicant" },
  );
  expect(second.band).toBe("review");
  reviewId = second.reviewId as string;
}, 180_000);

afterAll(async () => {
  await app?.close();
});

describe("who may open the register's pages", () => {
  it("refuses an officer without the register permission, and administrators' page to register officers", async () => {
    for (const path of [
      "/people/review",
      `/people/review/${reviewId}`,
      "/people/search",
      `/people/persons/${firstPersonId}`,
    ]) {
      expect((await caseOfficer.get(path)).statusCode, path).toBe(403);
    }
    expect((await registrar.browser.get("/people/model")).statusCode).toBe(403);
    expect((await caseOfficer.get("/people/model")).statusCode).toBe(403);
  });

  it("sends a signed-out visitor to sign in and answers a malformed id as an unknown one", async () => {
    const visitor = app.client();
    const signedOut = await visitor.get(`/people/persons/${firstPersonId}`);
    expect(signedOut.statusCode).toBe(303);
    expect(location(signedOut)).toContain("/sign-in");
    expect((await registrar.browser.get("/people/persons/not-a-person")).statusCode).toBe(404);
    expect((await registrar.browser.get("/people/review/not-an-item")).statusCode).toBe(404);
    expect(
      (await registrar.browser.get("/people/persons/00000000-0000-4000-8000-000000000000")).statusCode,
    ).toBe(404);
  });

  it("shows the register in the menu only to those who hold its permission", async () => {
    expect((await registrar.browser.get("/staff")).body).toContain('href="/people/review"');
    expect((await caseOfficer.get("/staff")).body).not.toContain('href="/people/review"');
    expect((await administrator.get("/staff")).body).toContain('href="/people/model"');
  });
});

describe("the review queue and the comparison", () => {
  it("lists the open item, found by name, document number or birth date, and audits the listing", async () => {
    const listedBefore = await audited(registrar.userId, "people.review.listed");
    const queue = await registrar.browser.get("/people/review");
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain(`/people/review/${reviewId}`);
    expect(queue.body).toContain(caseNumbers[1]);
    // The item's name is written "Эльвин Мамедов": the other spellings find it by the comparable key.
    for (const q of [
      "Мамедов",
      "Mammadov",
      "Məmmədov",
      "ELVIN MAMMADOV",
      "P 765 4321",
      "01.05.1990",
      "1990-05",
    ]) {
      const found = await registrar.browser.get(`/people/review?q=${encodeURIComponent(q)}`);
      expect(found.body, q).toContain(`/people/review/${reviewId}`);
    }
    for (const q of ["Həsənov", "X0000000", "1985"]) {
      const none = await registrar.browser.get(`/people/review?q=${encodeURIComponent(q)}`);
      expect(none.body, q).not.toContain(`/people/review/${reviewId}`);
      expect(none.body).toContain('data-testid="review-empty"');
    }
    expect(await audited(registrar.userId, "people.review.listed")).toBe(listedBefore + 11);
  });

  it("sets the occurrence beside the candidate with each field's agreement in words", async () => {
    const page = await registrar.browser.get(`/people/review/${reviewId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Эльвин Мамедов");
    expect(page.body).toContain("Russian Cyrillic: Elvin Mamedov");
    expect(page.body).toContain("Elvin Məmmədov");
    expect(page.body).toContain("Date of birth: the same date");
    expect(page.body).toContain("Document number: different");
    expect(page.body).toContain("Passport P7654321");
    expect(page.body).not.toContain("one-typo");
    expect(page.body).toContain('name="decision"');
    expect(await audited(registrar.userId, "people.review.viewed")).toBeGreaterThan(0);
  });
});

describe("deciding a match", () => {
  it("answers a missing decision with 422 at the field, then asks to confirm", async () => {
    const missing = await registrar.browser.post(`/people/review/${reviewId}`, {});
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('href="#decision"');
    expect(missing.body).toContain("Choose a candidate to link, or register a new person");
    const unknown = await registrar.browser.post(`/people/review/${reviewId}`, {
      decision: caseIds[0] as string,
    });
    expect(unknown.statusCode).toBe(422);
    const confirm = await registrar.browser.post(`/people/review/${reviewId}`, { decision: firstPersonId });
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('name="confirmed" value="yes"');
    const [item] = await queryRows<{ status: string }>(
      app.database.db,
      sql`select status from people_review_items where id = ${reviewId}`,
    );
    expect(item?.status).toBe("open");
  });

  it("does not let an officer of another agency decide an item of a case they cannot read", async () => {
    const page = await ganjaRegistrar.browser.get(`/people/review/${reviewId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('name="decision"');
    expect(page.body).not.toContain(caseNumbers[1]);
    expect(page.body).toContain("An application handled by another agency");
    const refused = await ganjaRegistrar.browser.post(`/people/review/${reviewId}`, {
      decision: firstPersonId,
      confirmed: "yes",
    });
    expect(refused.statusCode).toBe(404);
    expect(await audited(ganjaRegistrar.userId, "access.denied")).toBe(1);
  });

  it("links once confirmed, notes it on the case, and the person page then shows both cases", async () => {
    const decided = await registrar.browser.post(`/people/review/${reviewId}`, {
      decision: firstPersonId,
      confirmed: "yes",
    });
    expect(decided.statusCode).toBe(303);
    expect(location(decided)).toBe(`/people/persons/${firstPersonId}`);
    const person = await registrar.browser.get(location(decided));
    expect(person.statusCode).toBe(200);
    for (const number of caseNumbers) expect(person.body).toContain(number);
    expect(person.body).toContain("Эльвин Мамедов");
    expect(person.body).toContain("P7654321");
    const events = await loadEvents(app.database.db, caseIds[1] as string);
    const note = events.find((event) => event.type === "case.note_added");
    expect(note?.payload).toEqual({ text: expect.stringContaining(`/people/persons/${firstPersonId}`) });
    const again = await registrar.browser.post(`/people/review/${reviewId}`, {
      decision: "new",
      confirmed: "yes",
    });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain("already been decided");
  });

  it("counts, but never names, the cases an officer of another agency cannot read", async () => {
    const viewedBefore = await audited(ganjaRegistrar.userId, "people.person.viewed");
    const person = await ganjaRegistrar.browser.get(`/people/persons/${firstPersonId}`);
    expect(person.statusCode).toBe(200);
    for (const number of caseNumbers) expect(person.body).not.toContain(number);
    expect(person.body).toContain("Cases in other agencies that you cannot open: 2");
    expect(await audited(ganjaRegistrar.userId, "people.person.viewed")).toBe(viewedBefore + 1);
  });
});

describe("the person search", () => {
  beforeAll(async () => {
    const other = await register(
      { fullName: "Elvin Mammadov", birthDate: "1990", sex: "M", document: { number: "Z5550001" } },
      { kind: "import", batchId: "5f2b1c7e-2a6d-4c1e-9a3b-6d7e8f901234", importPersonId: "OLD-17" },
    );
    // Only a year and another document: the register may send it to review; a new person is what the test needs.
    otherId =
      other.personId ??
      (await registrar.browser
        .post(`/people/review/${other.reviewId}`, { decision: "new", confirmed: "yes" })
        .then((response) => location(response).split("/").pop() as string));
  });

  it("finds a person by a name in another script with the birth year, and refuses too vague a search", async () => {
    const found = await registrar.browser.get(
      `/people/search?name=${encodeURIComponent("Мамедов Эльвин")}&birthDate=1990`,
    );
    expect(found.statusCode).toBe(200);
    expect(found.body).toContain(`/people/persons/${firstPersonId}`);
    expect(found.body).toContain(`/people/persons/${otherId}`);
    const vague = await registrar.browser.get("/people/search?name=Mamedov");
    expect(vague.statusCode).toBe(422);
    expect(vague.body).toContain('href="#name"');
    const badDate = await registrar.browser.get("/people/search?name=Elvin+Mamedov&birthDate=1.5.90");
    expect(badDate.statusCode).toBe(422);
    expect(badDate.body).toContain('href="#birthDate"');
    expect(await audited(registrar.userId, "people.searched")).toBe(1);
  });

  it("finds the person by any spelling of the name", async () => {
    const person = `/people/persons/${firstPersonId}`;
    for (const name of ["Elvin Məmmədov", "Эльвин Мамедов", "ELVIN MAMMADOV", "Mammadov Elvin"]) {
      const found = await registrar.browser.get(`/people/search?name=${encodeURIComponent(name)}`);
      expect(found.statusCode, name).toBe(200);
      expect(found.body, name).toContain(person);
    }
    // One name needs the full birth date: with only the year it is too vague to look up.
    for (const name of ["Мамедов", "Mammadov", "Məmmədov"]) {
      const query = `name=${encodeURIComponent(name)}&birthDate=01.05.1990`;
      expect((await registrar.browser.get(`/people/search?${query}`)).body, name).toContain(person);
    }
    expect((await registrar.browser.get("/people/search?name=Mammadov&birthDate=1990")).statusCode).toBe(422);
  });
});

describe("merge and undo", () => {
  it("refuses a merge with precise errors at the fields, keeping what was typed", async () => {
    const path = `/people/persons/${firstPersonId}/merge`;
    const form = await registrar.browser.get(path);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`value="${otherId}"`);
    const none = await registrar.browser.post(path, { reason: "same passport photo" });
    expect(none.statusCode).toBe(422);
    expect(none.body).toContain('href="#other"');
    expect(none.body).toContain("same passport photo");
    const unknown = await registrar.browser.post(path, {
      other: "id",
      otherId: "00000000-0000-4000-8000-000000000000",
      reason: "x",
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('href="#otherId"');
    const self = await registrar.browser.post(path, { other: "id", otherId: firstPersonId, reason: "x" });
    expect(self.statusCode).toBe(422);
    expect(self.body).toContain("cannot be merged into themselves");
    const noReason = await registrar.browser.post(path, { other: otherId, reason: " " });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain('href="#reason"');
  });

  it("merges after confirmation, shows the merge history, and undoes it once", async () => {
    const path = `/people/persons/${firstPersonId}/merge`;
    const confirm = await registrar.browser.post(path, {
      other: otherId,
      reason: "Same person, old system record",
    });
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain("Z5550001");
    const merged = await registrar.browser.post(path, {
      other: otherId,
      reason: "Same person, old system record",
      confirmed: "yes",
    });
    expect(merged.statusCode).toBe(303);
    const person = await registrar.browser.get(`/people/persons/${firstPersonId}`);
    expect(person.body).toContain("Same person, old system record");
    expect(person.body).toContain("OLD-17");
    const mergedAway = await registrar.browser.get(`/people/persons/${otherId}`);
    expect(mergedAway.body).toContain("has been merged into this one");
    const [merge] = await queryRows<{ id: string }>(
      app.database.db,
      sql`select id from people_merges where merged_id = ${otherId}`,
    );
    const undoPath = `/people/merges/${merge?.id}/undo`;
    expect(person.body).toContain(`action="${undoPath}"`);
    const askUndo = await registrar.browser.post(undoPath, {});
    expect(askUndo.statusCode).toBe(200);
    expect(askUndo.body).toContain('name="confirmed" value="yes"');
    const undone = await registrar.browser.post(undoPath, { confirmed: "yes" });
    expect(undone.statusCode).toBe(303);
    expect((await registrar.browser.get(`/people/persons/${firstPersonId}`)).body).not.toContain("OLD-17");
    const twice = await registrar.browser.post(undoPath, { confirmed: "yes" });
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain("already been undone");
  });
});

describe("the model estimates page", () => {
  it("shows the weights in use and keeps them when the register is too small to estimate", async () => {
    const page = await administrator.get("/people/model");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Karvan&#39;s starting weights");
    expect(page.body).toContain("day and month swapped");
    const estimated = await administrator.post("/people/model/estimate", {});
    expect(estimated.statusCode).toBe(422);
    expect(estimated.body).toContain("too few similar pairs");
  });
});

describe("the register's pages in every language", () => {
  it("reads in Azerbaijani, English and Russian with no text left untranslated", async () => {
    const pages = [
      "/people/review",
      `/people/review/${reviewId}`,
      `/people/search?name=${encodeURIComponent("Elvin Məmmədov")}&birthDate=1990`,
      `/people/persons/${firstPersonId}`,
      `/people/persons/${firstPersonId}/merge`,
    ];
    for (const lang of ["az", "en", "ru"]) {
      registrar.browser.setCookie("karvan_lang", lang);
      administrator.setCookie("karvan_lang", lang);
      for (const [client, path] of [
        ...pages.map((page) => [registrar.browser, page] as const),
        [administrator, "/people/model"] as const,
      ]) {
        const page = await client.get(path);
        expect(page.statusCode, `${lang} ${path}`).toBe(200);
        expect(page.body, `${lang} ${path}`).toContain(`lang="${lang}"`);
        expect(page.body, `${lang} ${path}`).not.toMatch(/people\.(register|errors|navigation)\./);
      }
    }
    registrar.browser.setCookie("karvan_lang", "en");
    administrator.setCookie("karvan_lang", "en");
  });
});

describe("the records of other registers on the person page", () => {
  const placementId = "7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f";
  let detentionRegistrar: TestClient;

  beforeAll(async () => {
    detentionRegistrar = (
      await staff("registrar.detention@test.karvan.az", "SMS", ["register_officer", "detention_officer"])
    ).browser;
  });

  it("sends the person of a placement to review like any source, and links it by the officer's decision", async () => {
    const placed = await register(elvin, { kind: "record", register: "detention", recordId: placementId });
    expect(placed.band).toBe("review");
    const item = `/people/review/${placed.reviewId}`;
    const queue = await registrar.browser.get("/people/review");
    expect(queue.body).toContain(item);
    expect(queue.body).toContain("Detention placement");
    expect(queue.body).not.toContain(`/detention/placements/${placementId}`);
    expect((await detentionRegistrar.get(item)).body).toContain(
      `href="/detention/placements/${placementId}"`,
    );
    const decided = await registrar.browser.post(item, { decision: firstPersonId, confirmed: "yes" });
    expect(decided.statusCode).toBe(303);
  });

  it("links the placement for an officer who may open it, and only counts it for one who may not", async () => {
    const opener = await detentionRegistrar.get(`/people/persons/${firstPersonId}`);
    expect(opener.statusCode).toBe(200);
    expect(opener.body).toContain(`href="/detention/placements/${placementId}"`);
    expect(opener.body).not.toContain("Detention placements that you cannot open");
    const other = await registrar.browser.get(`/people/persons/${firstPersonId}`);
    expect(other.statusCode).toBe(200);
    expect(other.body).not.toContain("/detention/placements/");
    expect(other.body).toContain("Detention placements that you cannot open: 1");
  });
});
