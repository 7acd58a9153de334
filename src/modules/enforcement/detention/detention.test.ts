import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.js";
import type { TestClient } from "../../../../test/support/test-client.js";
import { seedDemoDetentionCentres } from "../../../demo/index.js";
import { ManualClock } from "../../../platform/clock/index.js";
import { queryRows } from "../../../platform/db/index.js";
import { signInNewStaff } from "../../cases/workspace/workspace-test-bed.js";
import { sendDetentionAlerts } from "./alerts/send-detention-alerts.js";

// Monday 2 March 2026, noon in Baku. The shipped law (law/az.json) gives a first period of 3 months,
// extensions of 3 months and 6 months in all: a stay from 2 March may last until 1 June, then 1 September.
const clock = new ManualClock("2026-03-02T08:00:00Z");
let app: TestApp;
let officer: { browser: TestClient; userId: string };
let otherAgencyOfficer: { browser: TestClient; userId: string };
let caseOfficer: { browser: TestClient; userId: string };
let centreId: string;
const headEmail = "head.baku-dc@example.org";
const decision = Buffer.from("%PDF-1.7\n% the court's extension decision\n%%EOF\n", "latin1");

async function count(query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await queryRows<{ n: number }>(app.database.db, query);
  return row?.n ?? 0;
}

const placementsCount = () => count(sql`select count(*)::int as n from detention_placements`);

const order = {
  legalBasis: "Migration Code, removal order 12/2026",
  orderingAuthority: "Baku Administrative Court",
  courtDecisionReference: "2(101)-45/2026",
};

/** Places a new person through the form; returns the placement's id. */
async function place(browser: TestClient, fields: Record<string, string>): Promise<string> {
  await browser.get("/detention/place");
  const placed = await browser.post("/detention/place", {
    personId: "new",
    centreId,
    ...order,
    startDate: "2026-03-02",
    ...fields,
  });
  expect(placed.statusCode).toBe(303);
  const id = /\/detention\/placements\/([0-9a-f-]{36})/.exec(String(placed.headers.location))?.[1];
  if (!id) throw new Error("no placement id in the redirect");
  return id;
}

async function extend(browser: TestClient, id: string, newUntil: string) {
  await browser.get(`/detention/placements/${id}`);
  return browser.postMultipart(`/detention/placements/${id}/extend`, [
    { name: "newUntil", value: newUntil },
    { name: "decisionReference", value: "2(101)-77/2026" },
    { name: "decidedBy", value: "Baku Administrative Court" },
    { name: "decidedOn", value: "2026-05-20" },
    { name: "decisionDocument", fileName: "decision.pdf", content: decision },
  ]);
}

beforeAll(async () => {
  app = await createTestApp({ clock });
  const db = app.database.db;
  officer = await signInNewStaff(db, clock, app.client(), {
    email: "detention@sms.gov.az",
    fullName: "Tural Detention",
    agency: "SMS",
    roles: ["detention_officer"],
  });
  otherAgencyOfficer = await signInNewStaff(db, clock, app.client(), {
    email: "detention@sbs.gov.az",
    fullName: "Rauf Border",
    agency: "SBS",
    roles: ["detention_officer"],
  });
  caseOfficer = await signInNewStaff(db, clock, app.client(), {
    email: "cases@sms.gov.az",
    fullName: "Orkhan Case",
    agency: "SMS",
    roles: ["case_officer"],
  });
  const { browser } = officer;
  await browser.get("/detention/centres");
  const refused = await browser.post("/detention/centres", {
    code: "baku dc",
    nameAz: "Bakı saxlama mərkəzi",
    nameEn: "Baku detention centre",
    nameRu: "Бакинский центр содержания",
    region: "AZ-BA",
    capacity: "120",
    headEmail,
    headLocale: "ru",
  });
  expect(refused.statusCode).toBe(422);
  expect(refused.body).toContain('href="#code"');
  expect(refused.body).toContain("Бакинский центр содержания");
  const added = await browser.post("/detention/centres", {
    code: "BAKU-DC",
    nameAz: "Bakı saxlama mərkəzi",
    nameEn: "Baku detention centre",
    nameRu: "Бакинский центр содержания",
    region: "AZ-BA",
    capacity: "2",
    headEmail,
    headLocale: "ru",
  });
  expect(added.statusCode).toBe(303);
  const [centre] = await queryRows<{ id: string }>(
    db,
    sql`select id from detention_centres where code = 'BAKU-DC'`,
  );
  centreId = centre?.id ?? "";
});
afterAll(async () => {
  await app?.close();
});

describe("permissions", () => {
  it("refuses the register to staff without detention.manage (403)", async () => {
    const { browser } = caseOfficer;
    for (const path of ["/detention", "/detention/place", "/detention/centres"]) {
      expect((await browser.get(path)).statusCode).toBe(403);
    }
  });

  it("answers 404 for another agency's placement, an unknown one and a malformed id", async () => {
    const id = await place(officer.browser, { fullName: "Reza Karimi", documentNumber: "P1234567" });
    expect((await officer.browser.get(`/detention/placements/${id}`)).statusCode).toBe(200);
    expect((await otherAgencyOfficer.browser.get(`/detention/placements/${id}`)).statusCode).toBe(404);
    await otherAgencyOfficer.browser.get("/detention");
    const changed = await otherAgencyOfficer.browser.post(`/detention/placements/${id}/review`, {
      reviewedOn: "2026-03-03",
      outcome: "release",
      notes: "not ours",
    });
    expect(changed.statusCode).toBe(404);
    expect(await count(sql`select count(*)::int as n from detention_reviews`)).toBe(0);
    expect(
      (await officer.browser.get("/detention/placements/00000000-0000-4000-8000-000000000000")).statusCode,
    ).toBe(404);
    expect((await officer.browser.get("/detention/placements/not-an-id")).statusCode).toBe(404);
  });
});

describe("placing a person", () => {
  it("keeps the typed values and points at the field when the form is wrong, storing nothing", async () => {
    const { browser } = officer;
    const before = await placementsCount();
    await browser.get("/detention/place");
    const refused = await browser.post("/detention/place", {
      personId: "new",
      fullName: "Ахмед Рахими",
      centreId,
      ...order,
      startDate: "2026-02-30",
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('href="#startDate"');
    expect(refused.body).toContain("Ахмед Рахими");
    expect(refused.body).toContain("2(101)-45/2026");
    expect(await placementsCount()).toBe(before);
  });

  it("refuses a first period beyond the law's with a code naming the limit, storing nothing", async () => {
    const { browser } = officer;
    const before = await placementsCount();
    await browser.get("/detention/place");
    const refused = await browser.post("/detention/place", {
      personId: "new",
      fullName: "Ахмед Рахими",
      centreId,
      ...order,
      startDate: "2026-03-02",
      permittedUntil: "2026-06-02",
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('data-error-code="detention_period_beyond_initial"');
    expect(refused.body).toContain('href="#permittedUntil"');
    expect(refused.body).toContain("2026-06-01");
    expect(await placementsCount()).toBe(before);
  });

  it("finds a registered person by document number and places them, audited", async () => {
    const { browser } = officer;
    const first = await place(browser, {
      fullName: "Ali Hosseini",
      birthDate: "1988-04-12",
      citizenship: "IR",
      documentNumber: "K7654321",
    });
    const found = await browser.get(`/detention/place?searchDocument=K7654321`);
    expect(found.body).toContain("Ali Hosseini");
    const personId = /name="personId" type="radio" value="([0-9a-f-]{36})"/.exec(found.body)?.[1];
    expect(personId).toBeDefined();
    const [placement] = await queryRows<{ person_id: string; permitted_until: string }>(
      app.database.db,
      sql`select person_id, permitted_until::text from detention_placements where id = ${first}`,
    );
    expect(placement).toEqual({ person_id: personId, permitted_until: "2026-06-01" });
    expect(
      await count(
        sql`select count(*)::int as n from audit_records where action = 'detention_placement.placed'`,
      ),
    ).toBeGreaterThan(0);
  });
});

describe("extensions", () => {
  it("records one with its decision, and refuses one beyond the maximum with 422 naming it", async () => {
    const { browser } = officer;
    const id = await place(browser, { fullName: "Omid Rostami" });
    const extended = await extend(browser, id, "2026-09-01");
    expect(extended.statusCode).toBe(303);
    const page = await browser.get(`/detention/placements/${id}`);
    expect(page.body).toContain("decision.pdf");
    const beyond = await extend(browser, id, "2026-09-03");
    expect(beyond.statusCode).toBe(422);
    expect(beyond.body).toContain('data-error-code="detention_extension_beyond_maximum"');
    expect(beyond.body).toContain("6 months in all");
    expect(beyond.body).toContain('value="2026-09-03"');
    const [row] = await queryRows<{ permitted_until: string }>(
      app.database.db,
      sql`select permitted_until::text from detention_placements where id = ${id}`,
    );
    expect(row?.permitted_until).toBe("2026-09-01");
    expect(
      await count(sql`select count(*)::int as n from detention_extensions where placement_id = ${id}`),
    ).toBe(1);
  });

  it("refuses an extension longer than one extension may be, with 422 naming its length", async () => {
    const { browser } = officer;
    const id = await place(browser, { fullName: "Babak Sadeghi", permittedUntil: "2026-04-01" });
    const tooLong = await extend(browser, id, "2026-07-02");
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.body).toContain('data-error-code="detention_extension_too_long"');
    expect(tooLong.body).toContain("2026-07-01");
    expect(
      await count(sql`select count(*)::int as n from detention_extensions where placement_id = ${id}`),
    ).toBe(0);
    expect((await extend(browser, id, "2026-07-01")).statusCode).toBe(303);
  });

  it("refuses an extension without its decision document", async () => {
    const { browser } = officer;
    const id = await place(browser, { fullName: "Kian Moradi" });
    await browser.get(`/detention/placements/${id}`);
    const refused = await browser.postMultipart(`/detention/placements/${id}/extend`, [
      { name: "newUntil", value: "2026-07-01" },
      { name: "decisionReference", value: "2(101)-80/2026" },
      { name: "decidedBy", value: "Baku Administrative Court" },
      { name: "decidedOn", value: "2026-05-20" },
    ]);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('href="#decisionDocument"');
    expect(refused.body).toContain("2(101)-80/2026");
  });
});

describe("reviews and release", () => {
  it("records a review and a release with its written record; an ended stay cannot change (409)", async () => {
    const { browser } = officer;
    const id = await place(browser, { fullName: "Navid Jafari" });
    await browser.get(`/detention/placements/${id}`);
    const noNotes = await browser.post(`/detention/placements/${id}/review`, {
      reviewedOn: "2026-03-10",
      outcome: "continue",
    });
    expect(noNotes.statusCode).toBe(422);
    expect(noNotes.body).toContain('href="#notes"');
    const reviewed = await browser.post(`/detention/placements/${id}/review`, {
      reviewedOn: "2026-03-10",
      outcome: "continue",
      notes: "Travel document requested from the consulate.",
    });
    expect(reviewed.statusCode).toBe(303);
    const released = await browser.post(`/detention/placements/${id}/end`, {
      endKind: "released",
      endedOn: "2026-03-12",
      endRecord: "Released at the gate to his lawyer; the removal is suspended by the court.",
    });
    expect(released.statusCode).toBe(303);
    const page = await browser.get(`/detention/placements/${id}`);
    expect(page.body).toContain("Released at the gate to his lawyer");
    expect(page.body).toContain("Travel document requested");
    const again = await browser.post(`/detention/placements/${id}/review`, {
      reviewedOn: "2026-03-13",
      outcome: "continue",
      notes: "late",
    });
    expect(again.statusCode).toBe(409);
  });
});

describe("alerts and the dashboard", () => {
  it("alerts once on the working day before expiry, then every day of an overrun, overdue first", async () => {
    const { browser } = officer;
    const id = await place(browser, { fullName: "Farid Ahmadi", permittedUntil: "2026-03-09" });
    const detention = app.karvan.enforcement.detention;
    const toHead = () => app.mailer.messages.filter((message) => message.to === headEmail);
    const toOfficer = () => app.mailer.messages.filter((message) => message.to === "detention@sms.gov.az");
    const headBefore = toHead().length;
    const officerBefore = toOfficer().length;

    clock.set("2026-03-05T08:00:00Z"); // Thursday: two working days before Monday 9 March
    await sendDetentionAlerts(detention);
    expect(toHead().length).toBe(headBefore);

    clock.set("2026-03-06T04:17:00Z"); // Friday, the working day before: the notice day
    const first = await sendDetentionAlerts(detention);
    expect(first.expiring).toBe(1);
    await sendDetentionAlerts(detention);
    clock.set("2026-03-09T04:17:00Z"); // Monday, the last day: already told
    await sendDetentionAlerts(detention);
    const expiring = toHead().slice(headBefore);
    expect(expiring).toHaveLength(1);
    expect(expiring[0]?.subject).toContain("Срок содержания истекает");
    expect(expiring[0]?.text).not.toContain("Farid");
    expect(toOfficer().slice(officerBefore)).toHaveLength(1);
    expect(toOfficer().at(-1)?.subject).toContain("Detention period ends on 9 March 2026");

    clock.set("2026-03-10T04:17:00Z"); // the day after: overdue, every day
    expect((await sendDetentionAlerts(detention)).overdue).toBe(1);
    expect((await sendDetentionAlerts(detention)).overdue).toBe(0);
    clock.set("2026-03-11T04:17:00Z");
    expect((await sendDetentionAlerts(detention)).overdue).toBe(1);
    expect(toHead().slice(headBefore)).toHaveLength(3);

    // Days later the morning's session has expired: a colleague of the same agency signs in.
    const { browser: colleague } = await signInNewStaff(app.database.db, clock, app.client(), {
      email: "detention.late@sms.gov.az",
      fullName: "Aysel Detention",
      agency: "SMS",
      roles: ["detention_officer"],
    });
    const dashboard = await colleague.get("/detention");
    expect(dashboard.statusCode).toBe(200);
    const overdueAt = dashboard.body.indexOf('data-testid="overdue"');
    expect(overdueAt).toBeGreaterThan(0);
    expect(overdueAt).toBeLessThan(dashboard.body.indexOf('id="occupancy-heading"'));
    expect(dashboard.body.slice(overdueAt)).toContain(`/detention/placements/${id}`);
    clock.set("2026-03-02T08:00:00Z");
  });

  it("counts occupancy per centre by day: present, arrivals and releases", async () => {
    clock.set("2026-03-12T08:00:00Z");
    const { browser } = await signInNewStaff(app.database.db, clock, app.client(), {
      email: "detention.occupancy@sms.gov.az",
      fullName: "Nigar Detention",
      agency: "SMS",
      roles: ["detention_officer"],
    });
    const page = await browser.get("/detention");
    const table = page.body.slice(page.body.indexOf(`data-testid="occupancy-${centreId}"`));
    const rowOf = (date: string) => {
      const start = table.indexOf(date);
      return table
        .slice(start, table.indexOf("</tr>", start))
        .replace(/<[^>]+>/g, " ")
        .replace(/\s+/g, " ");
    };
    // Every placement of this file started on 2 March; one was released on 12 March.
    const present = await count(
      sql`select count(*)::int as n from detention_placements where centre_id = ${centreId} and (ended_on is null or ended_on > '2026-03-12')`,
    );
    expect(rowOf("12 March 2026")).toContain(` ${present} `);
    expect(rowOf("12 March 2026")).toMatch(/ 1 $/);
    expect(page.body).toContain("Over capacity");
    clock.set("2026-03-02T08:00:00Z");
  });
});

describe("demo centres", () => {
  it("are marked as demo and seeded once", async () => {
    expect(await seedDemoDetentionCentres(app.database.db, clock)).toBe(2);
    expect(await seedDemoDetentionCentres(app.database.db, clock)).toBe(0);
    const names = await queryRows<{ code: string; en: string }>(
      app.database.db,
      sql`select code, names ->> 'en' as en from detention_centres where code like 'DEMO-%' order by code`,
    );
    expect(names.map((one) => one.code)).toEqual(["DEMO-BAKU-DC", "DEMO-YEVLAKH-DC"]);
    for (const one of names) expect(one.en).toContain("(demo)");
  });
});
