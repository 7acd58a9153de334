import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHostKey } from "../../../test/support/host-key.js";
import { hotelStay } from "../../../test/support/hotel-stay.js";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";
import type { TestClient } from "../../../test/support/test-client.js";
import { ManualClock } from "../../platform/clock/index.js";
import { queryRows } from "../../platform/db/index.js";
import { loadCaseState } from "../cases/index.js";
import { signInNewStaff } from "../cases/workspace/workspace-test-bed.js";

const clock = new ManualClock("2026-03-02T08:00:00Z"); // Monday, noon in Baku
let app: TestApp;
let hostKey: string;
const hostEmail = "reception@caspian-pearl.az";
let watchOfficer: { browser: TestClient; userId: string };
let caseOfficer: { browser: TestClient; userId: string };

const stay = hotelStay("2026-02-27", "2026-03-20");

function registration(guestFullName: string, guestBirthDate: string, guestPassportNumber: string) {
  return { guestFullName, guestBirthDate, guestCitizenship: "RU", guestPassportNumber, ...stay };
}

function register(answers: Record<string, unknown>) {
  return app
    .client()
    .json("POST", "/api/v1/cases/stay-registration", { answers }, { authorization: `Bearer ${hostKey}` });
}

async function count(query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await queryRows<{ n: number }>(app.database.db, query);
  return row?.n ?? 0;
}

const entriesCount = () => count(sql`select count(*)::int as n from enforcement_watch_list_entries`);

beforeAll(async () => {
  app = await createTestApp({ clock });
  const db = app.database.db;
  hostKey = await createHostKey(db, clock, hostEmail, {
    fullName: "Caspian Pearl Hotel",
    locale: "en",
    scopes: ["stay-registrations:write", "stay-registrations:read"],
  });
  watchOfficer = await signInNewStaff(db, clock, app.client(), {
    email: "lists@sms.gov.az",
    fullName: "Leyla Watch",
    agency: "SMS",
    roles: ["watch_list_officer"],
  });
  caseOfficer = await signInNewStaff(db, clock, app.client(), {
    email: "officer@sms.gov.az",
    fullName: "Orkhan Case",
    agency: "SMS",
    roles: ["case_officer"],
  });
});
afterAll(async () => {
  await app?.close();
});

describe("watch lists", () => {
  it("keeps an entry typed in by a watch-list officer, and finds it by a name in another script", async () => {
    const { browser } = watchOfficer;
    await browser.get("/watch-list/new");
    const refused = await browser.post("/watch-list/new", {
      list: "entry_ban",
      names: "Мамедов Эльвин",
      birthDate: "1990-13",
      legalBasis: "Migration Code, article 16",
      issuingAuthority: "State Border Service",
      validFrom: "2026-01-01",
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('href="#birthDate"');
    expect(refused.body).toContain("Мамедов Эльвин");
    const added = await browser.post("/watch-list/new", {
      list: "entry_ban",
      names: "Мамедов Эльвин",
      birthDate: "1990-05-01",
      legalBasis: "Migration Code, article 16",
      issuingAuthority: "State Border Service",
      validFrom: "2026-01-01",
    });
    expect(added.statusCode).toBe(303);
    const found = await browser.get(`/watch-list?name=${encodeURIComponent("Mammadov")}`);
    expect(found.statusCode).toBe(200);
    expect(found.body).toContain("Мамедов Эльвин");
    expect(
      await count(sql`select count(*)::int as n from audit_records where action = 'watch_list_entry.listed'`),
    ).toBeGreaterThan(0);
  });

  it("imports a file all or nothing: a wrong line names itself and nothing is stored", async () => {
    const { browser } = watchOfficer;
    const header =
      "list;names;birthDate;sex;citizenships;documentNumbers;legalBasis;issuingAuthority;validFrom;validUntil";
    const good =
      "wanted;Quliyev Rauf|Кулиев Рауф;1984;M;AZE;C01234567;Court order 2/123;Baku Court;2026-02-01;";
    const bad = "wanted;Həsənova Aygün;1979-02-30;F;AZE;;Court order 2/124;Baku Court;2026-02-01;";
    const before = await entriesCount();
    await browser.get("/watch-list/import");
    const refused = await browser.postMultipart("/watch-list/import", [
      { name: "entries", fileName: "list.csv", content: Buffer.from(`${header}\n${good}\n${bad}\n`) },
    ]);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toMatch(/<td[^>]*>3<\/td>\s*<td[^>]*><code>birthDate<\/code>/);
    expect(await entriesCount()).toBe(before);
    await browser.get("/watch-list/import");
    const imported = await browser.postMultipart("/watch-list/import", [
      { name: "entries", fileName: "list.csv", content: Buffer.from(`${header}\n${good}\n`) },
    ]);
    expect(imported.statusCode).toBe(303);
    expect(await entriesCount()).toBe(before + 1);
  });

  it("is closed to an officer without the permission", async () => {
    const { browser } = caseOfficer;
    expect((await browser.get("/watch-list")).statusCode).toBe(403);
    expect((await browser.get("/watch-list/new")).statusCode).toBe(403);
    expect((await browser.get("/holds")).statusCode).toBe(403);
  });
});

describe("the check on submission", () => {
  let heldId: string;

  it("holds a registration whose guest matches an entry across scripts: not decided, a neutral notice", async () => {
    const held = await register(registration("Məmmədov Elvin", "1990-05-01", "C76543210"));
    expect(held.statusCode).toBe(201);
    const body = held.json();
    expect(body).toMatchObject({ state: "registered", category: "open", manualCheck: true, decision: null });
    heldId = body.id;
    const state = await loadCaseState(app.database.db, heldId);
    expect(state?.hold).toMatchObject({ status: "open", list: "entry_ban" });
    expect(state?.hold?.score).toBeGreaterThanOrEqual(app.config.watchListThreshold);
    const notice = app.mailer.messages.find((message) => message.id === `manual-check-${heldId}`);
    expect(notice?.to).toBe(hostEmail);
    expect(notice?.text).toContain("manual check");
    expect(notice?.text).not.toMatch(/watch|ban|wanted|Elvin/i);
  });

  it("lets another guest through: registered at once", async () => {
    const clear = await register(registration("Əliyev Rəşad", "1990-05-01", "C11223344"));
    expect(clear.statusCode).toBe(201);
    expect(clear.json()).toMatchObject({
      category: "decided",
      manualCheck: false,
      decision: { outcome: "registered" },
    });
  });

  it("refuses the release to an officer without the permission to review holds", async () => {
    const { browser } = caseOfficer;
    expect((await browser.get(`/holds/${heldId}`)).statusCode).toBe(403);
    const caseFile = await browser.get(`/cases/${heldId}`);
    expect(caseFile.statusCode).toBe(200);
    expect(caseFile.body).toContain('data-testid="case-hold"');
    expect((await browser.get(`/cases/${heldId}/history`)).body).toContain("Put on hold");
    const release = await browser.post(`/holds/${heldId}/release`, { reason: "Not him" });
    expect(release.statusCode).toBe(403);
    expect(
      await count(
        sql`select count(*)::int as n from audit_records where action = 'access.denied' and actor_id = ${caseOfficer.userId} and details ->> 'permission' = 'holds.review'`,
      ),
    ).toBeGreaterThanOrEqual(2);
    expect((await loadCaseState(app.database.db, heldId))?.hold?.status).toBe("open");
  });

  it("shows the reviewer the person beside the entry; released, the registration is made and the host told", async () => {
    const { browser } = watchOfficer;
    const list = await browser.get("/holds");
    expect(list.body).toContain(`/holds/${heldId}`);
    const review = await browser.get(`/holds/${heldId}`);
    expect(review.statusCode).toBe(200);
    expect(review.body).toContain("Məmmədov Elvin");
    expect(review.body).toContain("Мамедов Эльвин");
    const noReason = await browser.post(`/holds/${heldId}/release`, { reason: " " });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain('href="#release-reason"');
    await browser.get(`/holds/${heldId}`);
    const released = await browser.post(`/holds/${heldId}/release`, {
      reason: "Another person: born in Ganja, the listed one in Moscow",
    });
    expect(released.statusCode).toBe(303);
    const state = await loadCaseState(app.database.db, heldId);
    expect(state).toMatchObject({ category: "decided", hold: { status: "released" } });
    expect(state?.decision).toMatchObject({ outcome: "registered", issued: true });
    expect(state?.decision?.documentNumber).toMatch(/^REGP-2026-\d{6}$/);
    const told = app.mailer.messages.filter((message) => message.to === hostEmail);
    expect(told.at(-1)?.subject).toContain(state?.number ?? "?");
    expect(
      await count(
        sql`select count(*)::int as n from audit_records where action = 'case.hold_viewed' and entity_id = ${heldId}`,
      ),
    ).toBeGreaterThan(0);
  });

  it("keeps a confirmed match with officers: not decided, not refused, and the applicant still told only of a check", async () => {
    const held = await register(registration("MAMMADOV ELVIN", "1990-05-01", "P99887766"));
    const id = held.json().id as string;
    const { browser } = watchOfficer;
    await browser.get(`/holds/${id}`);
    const confirmed = await browser.post(`/holds/${id}/confirm`, {
      reason: "Same person: photograph matches",
    });
    expect(confirmed.statusCode).toBe(303);
    const state = await loadCaseState(app.database.db, id);
    expect(state).toMatchObject({ category: "open", decision: null, hold: { status: "confirmed" } });
    const seen = await app
      .client()
      .json("GET", `/api/v1/cases/${id}`, undefined, { authorization: `Bearer ${hostKey}` });
    expect(seen.json()).toMatchObject({ manualCheck: true, decision: null });
    expect((await browser.get("/holds")).body).not.toContain(`/holds/${id}`);
  });
});
