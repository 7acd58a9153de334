import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHostKey } from "../../../../test/support/host-key.js";
import { hotelStay } from "../../../../test/support/hotel-stay.js";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.js";
import { statisticsContextOf, statisticsFollowRegister } from "../../../composition-root.js";
import { ManualClock } from "../../../platform/clock/index.js";
import { pipelinedTransaction, queryRows, queryRowsPrepared } from "../../../platform/db/index.js";
import {
  type ProcedureTestBed,
  permanentResidencePage,
  procedureTestBed,
  submitCompleteApplication,
} from "../../permits/case-types/procedure-test-bed.js";
import { catchUpStatistics } from "../../statistics/index.js";
import { decideReviewFollowed } from "./register-changes.js";

const clock = new ManualClock("2026-02-02T06:00:00Z");
let app: TestApp;
let bed: ProcedureTestBed;

function extension(aboutYou: Record<string, unknown>) {
  return submitCompleteApplication(bed.as(bed.foreigner), "stay-extension", {
    "about-you": aboutYou,
    stay: { currentStayEnds: "2026-02-12", extendUntil: "2026-03-13", reason: "treatment" },
  });
}

async function linksOf(caseId: string) {
  return queryRows<{ person_id: string; role: string; how: string }>(
    app.karvan.database.db,
    sql`select person_id, role, how from people_case_links where case_id = ${caseId}::uuid`,
  );
}

async function reviewsOf(caseId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    app.karvan.database.db,
    sql`select count(*)::int as n from people_review_items where case_id = ${caseId}::uuid`,
  );
  return row?.n ?? 0;
}

async function personKeysOf(caseId: string): Promise<string[]> {
  const rows = await queryRows<{ person_key: string }>(
    app.karvan.database.db,
    sql`select distinct person_key from stat_records where case_id = ${caseId}::uuid`,
  );
  return rows.map((row) => row.person_key);
}

beforeAll(async () => {
  app = await createTestApp({ clock });
  bed = await procedureTestBed(app.karvan.cases, app.karvan.database.db);
});
afterAll(async () => {
  await app?.close();
});

describe("persons enter the register when their case is submitted", () => {
  let first: string;
  let personId: string;

  it("registers the applicant of a submitted application as a new person", async () => {
    const state = await extension({
      fullName: "Elvin Məmmədov",
      birthDate: "1990-05-01",
      citizenship: "TR",
      passportNumber: "U 1234567",
    });
    first = state.id;
    const [link] = await linksOf(first);
    expect(link).toMatchObject({ role: "applicant", how: "new" });
    personId = link?.person_id as string;
  });

  it("links the second application of the same person, spelt as in the passport, automatically", async () => {
    const state = await extension({
      fullName: "Elvin Mammadov",
      birthDate: "1990-05-01",
      citizenship: "TR",
      passportNumber: "U1234567",
    });
    expect(await linksOf(state.id)).toEqual([{ person_id: personId, role: "applicant", how: "auto" }]);
    await catchUpStatistics(statisticsContextOf(app.karvan.database));
    expect(await personKeysOf(first)).toEqual([`person:${personId}`]);
    expect(await personKeysOf(state.id)).toEqual([`person:${personId}`]);
  });

  it("sends a weaker likeness to review, then counts the case under the person the officer chose", async () => {
    const state = await extension({
      fullName: "Elvin Mamedov",
      // Day and month swapped, and another passport: alike, yet not enough to link unseen.
      birthDate: "1990-01-05",
      citizenship: "TR",
      passportNumber: "C7654321",
    });
    expect(await linksOf(state.id)).toEqual([]);
    const [item] = await queryRows<{ id: string; status: string }>(
      app.karvan.database.db,
      sql`select id, status from people_review_items where case_id = ${state.id}::uuid`,
    );
    expect(item?.status).toBe("open");
    await catchUpStatistics(statisticsContextOf(app.karvan.database));
    const [waiting] = await personKeysOf(state.id);
    expect(waiting).not.toBe(`person:${personId}`);

    await decideReviewFollowed(
      app.karvan.database.db,
      statisticsFollowRegister,
      item?.id as string,
      { personId },
      { type: "user", id: bed.officer.userId },
    );
    expect(await personKeysOf(state.id)).toEqual([`person:${personId}`]);
  });
});

/** A permanent residence application on a close relative's ground: the relative is a family member of the case. */
function residenceWithRelative(
  aboutYou: Record<string, unknown>,
  relative: { relativeName: string; relationship: string },
) {
  return submitCompleteApplication(bed.as(bed.foreigner), "permanent-residence-permit", {
    "about-you": aboutYou,
    residence: permanentResidencePage,
    basis: { basis: "close-relative", ...relative },
  });
}

describe("a family member declared in the application", () => {
  it("is registered beside the applicant and related to them; the case counts as the applicant's", async () => {
    const state = await residenceWithRelative(
      { fullName: "Olga Petrova", birthDate: "1985-07-21", citizenship: "RU", passportNumber: "751234567" },
      { relativeName: "Rauf Əliyev", relationship: "parent" },
    );
    const links = await linksOf(state.id);
    const applicant = links.find((link) => link.role === "applicant")?.person_id;
    const relative = links.find((link) => link.role === "family-member")?.person_id;
    expect(applicant).toBeDefined();
    expect(relative).toBeDefined();
    expect(relative).not.toBe(applicant);
    const relations = await queryRows<{ person_id: string; related_person_id: string; kind: string }>(
      app.karvan.database.db,
      sql`select person_id, related_person_id, kind from people_relations where person_id = ${applicant as string}::uuid`,
    );
    expect(relations).toEqual([{ person_id: applicant, related_person_id: relative, kind: "parent" }]);
    await catchUpStatistics(statisticsContextOf(app.karvan.database));
    expect(await personKeysOf(state.id)).toEqual([`person:${applicant}`]);
  });
});

describe("a family member registered in a pipelined transaction", () => {
  it("keeps the transaction open for the relation: a failure after the registration undoes all of it", async () => {
    const state = await residenceWithRelative(
      { fullName: "Nigar Həsənova", birthDate: "1979-02-14", citizenship: "GE", passportNumber: "13AB45678" },
      { relativeName: "Murad Həsənov", relationship: "spouse" },
    );
    const context = app.karvan.cases.systemContext();
    const definition = context.registry.latest("permanent-residence-permit");
    if (!(context.registerPersons && definition)) throw new Error("no register or case type wired");
    const registerAgain = (caseId: string, after: () => void) =>
      pipelinedTransaction(context.db, async (tx, pipeline) => {
        const prepared = context.registerPersons?.([{ caseId, definition, answers: state.answers }]);
        if (!prepared) throw new Error("no register wired");
        if (prepared.keyLocks) await queryRowsPrepared(tx, prepared.keyLocks);
        await prepared.readRegister(tx);
        const outcomes = await prepared.register(tx, true, pipeline);
        after();
        return outcomes;
      });
    const undone = randomUUID();
    await expect(
      registerAgain(undone, () => {
        throw new Error("refused after the registration");
      }),
    ).rejects.toThrow("refused after the registration");
    expect(await linksOf(undone)).toEqual([]);
    expect(await reviewsOf(undone)).toBe(0);
    // Registered again, the applicant links by passport and the relative, known by name alone, waits for review.
    const kept = randomUUID();
    expect(await registerAgain(kept, () => undefined)).toEqual([
      [
        expect.objectContaining({ role: "applicant", band: "linked" }),
        expect.objectContaining({ role: "family-member", band: "review" }),
      ],
    ]);
    expect((await linksOf(kept)).map(({ role }) => role)).toEqual(["applicant"]);
    expect(await reviewsOf(kept)).toBe(1);
  });
});

describe("guests registered by a host's system in a batch", () => {
  const hostKey = (email = "reception@caspian-pearl.az") =>
    createHostKey(app.karvan.database.db, clock, email);

  const guest = (name: string, passport: string) => ({
    answers: {
      guestFullName: name,
      guestBirthDate: "1990-05-01",
      guestCitizenship: "TR",
      guestPassportNumber: passport,
      ...hotelStay("2026-01-30", "2026-02-20"),
    },
  });

  it("registers every guest in the batch's transaction, once even when the batch is sent again", async () => {
    const key = await hostKey();
    const items = [guest("ELVIN MAMMADOV", "U1234567"), guest("Ayşe Kaya", "U7777777")];
    const send = () =>
      app.client().json(
        "POST",
        "/api/v1/stay-registrations/bulk",
        { items },
        {
          authorization: `Bearer ${key}`,
          "idempotency-key": "night-of-2-february",
        },
      );
    const response = await send();
    expect(response.statusCode).toBe(201);
    const [known, stranger] = response.json().cases as Array<{ id: string }>;
    const [elvin] = await linksOf(known?.id as string);
    expect(elvin).toMatchObject({ role: "guest", how: "auto" });
    expect(await linksOf(stranger?.id as string)).toEqual([
      expect.objectContaining({ role: "guest", how: "new" }),
    ]);
    const [applicant] = await queryRows<{ person_id: string }>(
      app.karvan.database.db,
      sql`select person_id from people_case_links where role = 'applicant' limit 1`,
    );
    expect(elvin?.person_id).toBe(applicant?.person_id);
    // Each case's answer tells the host where its own guest stands: linked (the register id), or new.
    const registered = (response.json().cases as Array<{ registeredPersons: unknown }>).map(
      (one) => one.registeredPersons,
    );
    const strangerId = (await linksOf(stranger?.id as string))[0]?.person_id;
    expect(registered).toEqual([
      [{ role: "guest", slot: 0, outcome: "linked", registerId: applicant?.person_id }],
      [{ role: "guest", slot: 0, outcome: "new", registerId: strangerId }],
    ]);

    const links = await queryRows<{ n: number }>(
      app.karvan.database.db,
      sql`select count(*)::int as n from people_case_links`,
    );
    const repeated = await send();
    expect(repeated.statusCode).toBe(200);
    expect(repeated.json().cases.map((one: { registeredPersons: unknown }) => one.registeredPersons)).toEqual(
      registered,
    );
    expect(
      await queryRows(app.karvan.database.db, sql`select count(*)::int as n from people_case_links`),
    ).toEqual(links);
  });

  it("tells a host whose guest waits for an officer that it is in review, and nothing of the candidates", async () => {
    const key = await hostKey("night@caspian-pearl.az");
    const response = await app.client().json(
      "POST",
      "/api/v1/cases/stay-registration",
      // The batch's second guest again, day and month swapped and another passport: review.
      { answers: { ...guest("Ayşe Kaya", "C0000009").answers, guestBirthDate: "1990-01-05" } },
      { authorization: `Bearer ${key}`, "idempotency-key": "late-arrival" },
    );
    expect(response.statusCode).toBe(201);
    expect(response.json().registeredPersons).toEqual([
      { role: "guest", slot: 0, outcome: "review", registerId: null },
    ]);
    const document = (await app.client().get("/api/docs/openapi.json")).json();
    const created =
      document.paths["/api/v1/cases/{typeCode}"].post.responses["201"].content["application/json"].schema;
    expect(created.properties.registeredPersons.items.properties.outcome.enum).toEqual([
      "linked",
      "review",
      "new",
    ]);
  });
});
