import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.js";
import type { TestClient } from "../../../../test/support/test-client.js";
import { ManualClock } from "../../../platform/clock/index.js";
import { countryProfile } from "../../../platform/country/index.js";
import { queryRows } from "../../../platform/db/index.js";
import { findAgencyByCode, type Permission, type Principal } from "../../access/index.js";
import { type CasesContext, loadCaseState, transitionCase } from "../../cases/index.js";
import { deadlineView } from "../../cases/workspace/deadline-risk.js";
import { hiddenValue, signInNewStaff } from "../../cases/workspace/workspace-test-bed.js";
import { expireRecords } from "../../privacy/index.js";
import { sendReturnAlerts } from "./alerts/send-return-alerts.js";
import { moveReturnOrder, type ReturnStep, type ReturnStepInput } from "./operations/move-return-order.js";
import { loadReturnLaw } from "./return-law.js";
import type { ReturnServices } from "./return-services.js";

// Monday 2 March 2026, noon in Baku.
const clock = new ManualClock("2026-03-02T08:00:00Z");
let app: TestApp;
let officer: { browser: TestClient; userId: string };
let approver: { browser: TestClient; userId: string };
let caseOfficer: { browser: TestClient; userId: string };
const services: ReturnServices = { law: loadReturnLaw("AZ"), calendar: countryProfile().calendar };
const people: Record<"officer" | "approver", Principal> = {} as never;

function principal(userId: string, agencyId: string, permissions: Permission[]): Principal {
  return {
    userId,
    email: `${userId}@example.org`,
    fullName: "Officer",
    kind: "staff",
    agencyId,
    roles: [],
    permissions: new Set(permissions),
    locale: "en",
  };
}

const as = (who: Principal): CasesContext => ({ ...app.karvan.cases.systemContext(), principal: who });

const person = {
  familyName: "Petrov",
  givenNames: "Ivan",
  "birthDate-day": "14",
  "birthDate-month": "3",
  "birthDate-year": "1990",
  sex: "M",
  citizenship: "RU",
  documentNumber: "751234567",
};

let registered = 0;
const others = [
  { familyName: "Petrov", givenNames: "Ivan" },
  {
    familyName: "Hosseini",
    givenNames: "Reza",
    citizenship: "IR",
    "birthDate-year": "1984",
    documentNumber: "K12345678",
  },
  {
    familyName: "Khan",
    givenNames: "Imran",
    citizenship: "PK",
    "birthDate-year": "1979",
    documentNumber: "AB1234567",
  },
  {
    familyName: "Okafor",
    givenNames: "Chidi",
    citizenship: "NG",
    "birthDate-year": "1995",
    documentNumber: "A09876543",
  },
  {
    familyName: "Nguyen",
    givenNames: "Van An",
    citizenship: "VN",
    "birthDate-year": "1988",
    documentNumber: "C1234567",
  },
  {
    familyName: "Rahimov",
    givenNames: "Bekzod",
    citizenship: "UZ",
    "birthDate-year": "1992",
    documentNumber: "FA1234567",
  },
  {
    familyName: "Singh",
    givenNames: "Harpreet",
    citizenship: "IN",
    "birthDate-year": "1990",
    documentNumber: "Z1234567",
  },
  {
    familyName: "Yilmaz",
    givenNames: "Mehmet",
    citizenship: "TR",
    "birthDate-year": "1986",
    documentNumber: "U12345678",
  },
  {
    familyName: "Ahmadi",
    givenNames: "Farid",
    citizenship: "AF",
    "birthDate-year": "1998",
    documentNumber: "P01234567",
  },
];

/**
 * Registers an order through the workspace's registration form; returns the case id. Each order is
 * for another person: an earlier order's entry ban would hold a new case of the same person.
 */
async function register(order: Record<string, string>): Promise<string> {
  registered += 1;
  await officer.browser.get("/cases/register/return-order");
  const posted = await officer.browser.post("/cases/register/return-order", {
    ...person,
    ...others[registered % others.length],
    ground: "stay-violation",
    assistedReturnOffered: "no",
    destination: "origin",
    destinationCountry: "RU",
    ...order,
  });
  expect(posted.statusCode, posted.body.slice(0, 2000)).toBe(303);
  const id = /\/cases\/([0-9a-f-]{36})/.exec(String(posted.headers.location))?.[1];
  if (!id) throw new Error("no case id in the redirect");
  return id;
}

async function step(who: Principal, caseId: string, name: ReturnStep, input: ReturnStepInput = {}) {
  return moveReturnOrder(services, as(who), caseId, undefined, name, input);
}

/** Registered, drafted by the officer, approved by the approver and notified now. */
async function notifiedOrder(order: Record<string, string>): Promise<string> {
  const id = await register(order);
  await step(people.officer, id, "draft-order", { reasons: "Stayed beyond the permitted period." });
  await step(people.approver, id, "approve");
  await step(people.officer, id, "notify");
  return id;
}

async function orderRow(caseId: string) {
  const [row] = await queryRows<{
    due_date: string;
    due_at: string | null;
    entry_ban_entry_id: string | null;
  }>(
    app.database.db,
    sql`select due_date::text, due_at, entry_ban_entry_id from enforcement_return_orders where case_id = ${caseId}::uuid`,
  );
  return row;
}

async function banOf(caseId: string) {
  const [row] = await queryRows<{
    valid_from: string;
    valid_until: string;
    legal_basis: string;
    ended: boolean;
  }>(
    app.database.db,
    sql`select e.valid_from::text, e.valid_until::text, e.legal_basis, e.ended_at is not null as ended
        from enforcement_watch_list_entries e join enforcement_return_orders o on o.entry_ban_entry_id = e.id
        where o.case_id = ${caseId}::uuid`,
  );
  return row;
}

beforeAll(async () => {
  app = await createTestApp({ clock });
  const db = app.database.db;
  const sms = (await findAgencyByCode(db, "SMS"))?.id as string;
  officer = await signInNewStaff(db, clock, app.client(), {
    email: "return@sms.gov.az",
    fullName: "Nigar Return",
    agency: "SMS",
    roles: ["return_officer"],
  });
  approver = await signInNewStaff(db, clock, app.client(), {
    email: "head.return@sms.gov.az",
    fullName: "Elchin Head",
    agency: "SMS",
    roles: ["return_officer", "approver"],
  });
  caseOfficer = await signInNewStaff(db, clock, app.client(), {
    email: "cases@sms.gov.az",
    fullName: "Orkhan Case",
    agency: "SMS",
    roles: ["case_officer"],
  });
  people.officer = principal(officer.userId, sms, ["return.manage", "cases.read", "cases.process"]);
  people.approver = principal(approver.userId, sms, [
    "return.manage",
    "cases.read",
    "cases.process",
    "cases.approve",
  ]);
});

afterAll(async () => {
  await app?.close();
});

describe("an order to leave", () => {
  it("is registered by a return officer through the workspace form, with its person in the register", async () => {
    const id = await register({ departurePeriod: "hours", entryBan: "none" });
    const [linked] = await queryRows<{ n: number }>(
      app.database.db,
      sql`select count(*)::int as n from people_case_links where case_id = ${id}::uuid`,
    );
    expect(linked?.n).toBe(1);
    const refused = await caseOfficer.browser.get("/cases/register/return-order");
    expect(refused.statusCode).toBe(403);
  });

  it("is approved by a second officer only (four eyes), and its entry ban goes onto the watch list", async () => {
    const id = await register({
      departurePeriod: "days",
      departureDays: "14",
      entryBan: "ban",
      entryBanYears: "5",
    });
    await step(people.approver, id, "draft-order", { reasons: "Stayed beyond the permitted period." });
    await expect(step(people.approver, id, "approve")).rejects.toMatchObject({ code: "guard_fourEyes" });
    await expect(step(people.officer, id, "approve")).rejects.toMatchObject({ status: 403 });
    await step(people.approver, id, "return", { comment: "Name the decision on the overstay." });
    expect(await banOf(id)).toBeUndefined();
    await step(people.officer, id, "draft-order", { reasons: "Overstay of 40 days (decision 12/2026)." });
    const approved = await step(people.approver, id, "approve");
    expect(approved.state).toBe("approved");
    const ban = await banOf(id);
    expect(ban).toMatchObject({ valid_from: "2026-03-02", valid_until: "2031-03-01", ended: false });
    expect(ban?.legal_basis).toContain(approved.number);
  });

  it("runs 48 hours from the notice, and ends with the departure recorded with its day and written record", async () => {
    const id = await notifiedOrder({ departurePeriod: "hours", entryBan: "none" });
    expect(await orderRow(id)).toMatchObject({ due_date: "2026-03-04" });
    await expect(
      step(people.officer, id, "record-departure", {
        occurredOn: "2026-03-03",
        record: "Left at Heydar Aliyev airport.",
      }),
    ).rejects.toMatchObject({ code: "outcome_date" });
    await expect(
      step(people.officer, id, "record-departure", { occurredOn: "2026-03-02", record: "  " }),
    ).rejects.toMatchObject({ code: "outcome_record" });
    const leaving = {
      occurredOn: "2026-03-02",
      record: "Left on flight J2-123 from Heydar Aliyev airport (border record 0042).",
    };
    await expect(step(people.officer, id, "record-departure", leaving)).rejects.toMatchObject({
      code: "step_answer_required",
      messageKey: "returnOrders.errors.assistance_received",
      details: { field: "answers.assistanceReceived" },
    });
    const departed = await step(people.officer, id, "record-departure", {
      ...leaving,
      assistanceReceived: "no",
    });
    expect(departed.state).toBe("departed");
    const [outcome] = await queryRows<{ outcome: string; occurred_on: string; assistance_received: boolean }>(
      app.database.db,
      sql`select outcome, occurred_on::text, assistance_received from enforcement_return_outcomes
          where case_id = ${id}::uuid`,
    );
    expect(outcome).toEqual({ outcome: "departed", occurred_on: "2026-03-02", assistance_received: false });
  });

  it("shows its departure deadline on the workspace queue as the case's next due date", async () => {
    const id = await notifiedOrder({ departurePeriod: "days", departureDays: "7", entryBan: "none" });
    const number = (await loadCaseState(app.database.db, id))?.number as string;
    const due = (await orderRow(id))?.due_date as string;
    expect((await loadCaseState(app.database.db, id))?.deadlineDate).toBe(due);
    const row = (body: string) => body.split("<tr").find((one) => one.includes(number)) ?? "";
    const queue = await officer.browser.get("/cases?type=return-order");
    expect(row(queue.body)).toContain(`datetime="${due}"`);
    expect(row(queue.body)).not.toContain("moj-badge--red");
    expect((await officer.browser.get("/cases?type=return-order&risk=due-soon&days=10")).body).toContain(
      number,
    );
    expect((await officer.browser.get("/cases?type=return-order&risk=overdue")).body).not.toContain(number);
    const state = (await loadCaseState(app.database.db, id)) as NonNullable<
      Awaited<ReturnType<typeof loadCaseState>>
    >;
    const definition = app.karvan.cases.registry.get(state.typeCode, state.typeVersion);
    const facts = { ...state, pausedSince: null };
    expect(deadlineView(services.calendar, definition, facts, new Date("2026-03-20T08:00:00Z"))).toEqual({
      status: "step-due",
      due,
      overdue: true,
    });
    // A later step ends it: an absconded person has no departure deadline any more.
    await step(people.officer, id, "record-absconding", {
      occurredOn: "2026-03-02",
      record: "Not at the address.",
    });
    expect((await loadCaseState(app.database.db, id))?.deadlineDate).toBeNull();
  });

  it("ends with a removal, after the person absconded and was found", async () => {
    const id = await notifiedOrder({ departurePeriod: "days", departureDays: "7", entryBan: "none" });
    const written = { occurredOn: "2026-03-02", record: "Escort report 17/2026." };
    await step(people.officer, id, "record-absconding", written);
    await step(people.officer, id, "person-found", written);
    const removed = await step(people.officer, id, "record-removal", written);
    expect(removed.state).toBe("removed");
    const other = await notifiedOrder({ departurePeriod: "hours", entryBan: "none" });
    expect((await step(people.officer, other, "order-removal", written)).state).toBe("removal-ordered");
  });

  it("ends its entry ban on the watch list when it is cancelled", async () => {
    const id = await notifiedOrder({ departurePeriod: "hours", entryBan: "ban", entryBanYears: "2" });
    expect(await banOf(id)).toMatchObject({ valid_until: "2028-03-01", ended: false });
    const cancelled = await step(people.approver, id, "cancel", {
      occurredOn: "2026-03-02",
      record: "Annulled by the Baku Administrative Court, decision 2(101)-88/2026.",
    });
    expect(cancelled.state).toBe("cancelled");
    expect(await banOf(id)).toMatchObject({ ended: true });
  });

  it("has a page where the officer records each step with its day and written record", async () => {
    const id = await register({ departurePeriod: "hours", entryBan: "none" });
    const page = await officer.browser.get(`/return-orders/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`action="/return-orders/${id}/steps/draft-order"`);
    const drafted = await officer.browser.post(`/return-orders/${id}/steps/draft-order`, { reasons: "" });
    expect(drafted.statusCode).toBe(422);
    expect(drafted.body).toContain('id="draft-order-reasons-error"');
    const ok = await officer.browser.post(`/return-orders/${id}/steps/draft-order`, {
      reasons: "Overstay of 12 days.",
    });
    expect([ok.statusCode, ok.headers.location]).toEqual([303, `/return-orders/${id}?done=draft-order`]);
    await step(people.approver, id, "approve");
    await officer.browser.get(`/return-orders/${id}`);
    expect((await officer.browser.post(`/return-orders/${id}/steps/notify`, {})).statusCode).toBe(303);
    const notified = await officer.browser.get(`/return-orders/${id}`);
    expect(notified.body).toContain("4 Mar 2026, 12:00");
    const future = await officer.browser.post(`/return-orders/${id}/steps/record-departure`, {
      occurredOn: "2026-03-09",
      record: "Left by land at Astara.",
      assistanceReceived: "yes",
    });
    expect(future.statusCode).toBe(422);
    expect(future.body).toContain("Left by land at Astara.");
    expect(future.body).toContain('id="record-departure-occurredOn-error"');
    expect(future.body).toMatch(/id="record-departure-assistanceReceived"[^>]*value="yes" checked/);
    const unsaid = await officer.browser.post(`/return-orders/${id}/steps/record-departure`, {
      occurredOn: "2026-03-02",
      record: "Left by land at Astara.",
    });
    expect(unsaid.statusCode).toBe(422);
    expect(unsaid.body).toContain('href="#record-departure-assistanceReceived"');
    expect(unsaid.body).toContain('id="record-departure-assistanceReceived-error"');
    const left = await officer.browser.post(`/return-orders/${id}/steps/record-departure`, {
      occurredOn: "2026-03-02",
      record: "Left by land at Astara.",
      assistanceReceived: "yes",
    });
    expect(left.statusCode).toBe(303);
    const after = (await officer.browser.get(`/return-orders/${id}`)).body;
    expect(after).toContain("Departed voluntarily");
    expect(after).toContain("Return assistance received: Yes");
    expect((await caseOfficer.browser.get(`/return-orders/${id}`)).statusCode).toBe(403);
  });

  it("is not moved from the generic case page, which links to the order's page instead", async () => {
    const id = await register({ departurePeriod: "hours", entryBan: "none" });
    const casePage = await officer.browser.get(`/cases/${id}`);
    expect(casePage.statusCode).toBe(200);
    expect(casePage.body).toContain(`href="/return-orders/${id}"`);
    expect(casePage.body).not.toContain(`action="/cases/${id}/actions/`);
    const posted = await officer.browser.post(`/cases/${id}/actions/draft-order`, {
      expectedSeq: hiddenValue(casePage.body, "expectedSeq"),
      outcome: "order-to-leave",
      reasons: "Overstay of 12 days.",
    });
    expect(posted.statusCode).toBe(409);
    expect(posted.body).toContain("taken on the case&#39;s own page");
    await expect(
      transitionCase(as(people.officer), id, undefined, "draft-order", {
        outcome: "order-to-leave",
        reasons: "Overstay.",
      }),
    ).rejects.toMatchObject({ code: "transition_on_actions_page", status: 409 });
    await step(people.officer, id, "draft-order", { reasons: "Overstay of 12 days." });
    // An approval is refused too, rather than shown for confirmation.
    const seen = await approver.browser.get(`/cases/${id}`);
    const approving = await approver.browser.post(`/cases/${id}/actions/approve`, {
      expectedSeq: hiddenValue(seen.body, "expectedSeq"),
    });
    expect(approving.statusCode).toBe(409);
    expect(approving.body).toContain("taken on the case&#39;s own page");
    expect(await banOf(id)).toBeUndefined();
  });

  it("tells the responsible officer a working day before the deadline, then every day it is overdue", async () => {
    app.mailer.messages.length = 0;
    const id = await notifiedOrder({ departurePeriod: "hours", entryBan: "none" });
    const alerts = { ...app.karvan.enforcement, law: services.law };
    const mailsAbout = () => app.mailer.messages.filter((message) => message.to === "return@sms.gov.az");
    // Notified on Monday at noon: due on Wednesday 4 March, announced on Tuesday.
    // (The other notified orders of this file are counted too: only this one's mails are checked.)
    await sendReturnAlerts(alerts);
    expect(mailsAbout().filter((mail) => mail.id?.includes(id))).toHaveLength(0);
    clock.set("2026-03-03T04:30:00Z");
    await sendReturnAlerts(alerts);
    await sendReturnAlerts(alerts);
    const soon = mailsAbout().filter((mail) => mail.id?.includes(id));
    expect(soon.map((mail) => mail.subject)).toEqual([expect.stringContaining("deadline is")]);
    expect(soon[0]?.text).not.toContain("Petrov");
    clock.set("2026-03-05T04:30:00Z");
    await sendReturnAlerts(alerts);
    await sendReturnAlerts(alerts);
    clock.set("2026-03-06T04:30:00Z");
    await sendReturnAlerts(alerts);
    expect(mailsAbout().filter((mail) => mail.id?.includes(id) && mail.id.includes("overdue"))).toHaveLength(
      2,
    );
    await step(people.officer, id, "record-departure", {
      occurredOn: "2026-03-05",
      record: "Border record 0051.",
      assistanceReceived: "no",
    });
    clock.set("2026-03-07T04:30:00Z");
    await sendReturnAlerts(alerts);
    // Departed: no more alerts (one before the deadline, two overdue).
    expect(mailsAbout().filter((mail) => mail.id?.includes(id))).toHaveLength(3);
    clock.set("2026-03-02T08:00:00Z");
  });

  it("loses its outcomes' written records when the retention run anonymises it", async () => {
    // Ten years (return-order's period) after the orders of this file ended.
    clock.set("2036-03-10T01:37:00Z");
    await expireRecords(app.karvan.retention, { dryRun: false });
    clock.set("2026-03-02T08:00:00Z");
    const rows = await queryRows<{ category: string; record: string }>(
      app.database.db,
      sql`select c.category, o.record from enforcement_return_outcomes o join cases c on c.id = o.case_id`,
    );
    const ended = rows.filter((row) => row.category === "closed");
    const running = rows.filter((row) => row.category !== "closed");
    expect(ended.length).toBeGreaterThan(0);
    expect(ended.every((row) => row.record === "")).toBe(true);
    expect(running.length).toBeGreaterThan(0);
    expect(running.every((row) => row.record !== "")).toBe(true);
  });
});
