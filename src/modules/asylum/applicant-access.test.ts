import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";
import { ManualClock } from "../../platform/clock/index.js";
import { queryRows } from "../../platform/db/index.js";
import type { Principal } from "../access/index.js";
import { anonymiseCase, type CaseState, loadCaseState, loadEvents } from "../cases/index.js";
import { notifyApplicantOfChange } from "../cases/notices/notify-applicant-of-change.js";
import { addRepresentative } from "../cases/operations/add-representative.js";
import { createSubmittedCases } from "../cases/operations/create-submitted-cases.js";
import { endRepresentation } from "../cases/operations/end-representation.js";
import { signInNewApplicant } from "../cases/portal/portal-test-bed.js";
import { readOwnAsylumCase } from "./operations/read-own-asylum-case.js";
import { scheduleInterview } from "./operations/schedule-interview.js";
import { asylumAnswers } from "./test-support/asylum-answers.js";
import { type AsylumTestBed, asylumTestBed } from "./test-support/asylum-test-bed.js";

// Monday 2 March 2026, 11:00 in Baku.
const clock = new ManualClock("2026-03-02T07:00:00Z");
let app: TestApp;
let bed: AsylumTestBed;
let applicant: Principal;
let stranger: Principal;
let state: CaseState;

function portalUser(userId: string, email: string): Principal {
  return {
    userId,
    email,
    fullName: email,
    kind: "public",
    agencyId: null,
    roles: ["applicant"],
    permissions: new Set(["portal.apply"]),
    locale: "en",
  };
}

async function auditOf(caseId: string, action: string) {
  return queryRows<{ actor_id: string | null; details: Record<string, unknown> }>(
    app.database.db,
    sql`select actor_id, details from audit_records where action = ${action} and entity_id = ${caseId} order by id`,
  );
}

const mailsTo = (address: string) => app.mailer.messages.filter((message) => message.to === address);

beforeAll(async () => {
  app = await createTestApp({ clock });
  bed = await asylumTestBed(app.karvan.cases, app.karvan.database.db, createSubmittedCases);
  const db = app.database.db;
  const own = await signInNewApplicant(db, clock, app.client(), "omar@example.org");
  const other = await signInNewApplicant(db, clock, app.client(), "other@example.org");
  applicant = portalUser(own.userId, "omar@example.org");
  stranger = portalUser(other.userId, "other@example.org");
  state = await bed.register(asylumAnswers({ religion: "Yazidi faith" }));
});

afterAll(async () => {
  await app?.close();
});

describe("an asylum applicant following their case in the portal", () => {
  it("sees nothing until an officer gives their account access, then their own case only", async () => {
    await expect(readOwnAsylumCase(bed.as(applicant), state.id)).rejects.toMatchObject({ status: 404 });
    await expect(
      addRepresentative(bed.as(bed.supervisor), state.id, { email: "omar@example.org", role: "applicant" }),
    ).rejects.toMatchObject({ status: 403 });
    await addRepresentative(bed.as(bed.officer), state.id, { email: "Omar@example.org", role: "applicant" });
    // One applicant per case: a second account is refused in that role.
    await expect(
      addRepresentative(bed.as(bed.officer), state.id, { email: "other@example.org", role: "applicant" }),
    ).rejects.toMatchObject({ status: 409, code: "applicant_access_exists" });
    const own = await readOwnAsylumCase(bed.as(applicant), state.id);
    expect(own).toMatchObject({ asRepresentative: true, followerRole: "applicant", appointment: null });
    expect((await auditOf(state.id, "case.viewed")).at(-1)).toMatchObject({
      actor_id: applicant.userId,
      details: { view: "case-page", as: "applicant" },
    });
    await expect(readOwnAsylumCase(bed.as(stranger), state.id)).rejects.toMatchObject({ status: 404 });
    // Another applicant's asylum case stays unknown to this account.
    const another = await bed.register(asylumAnswers({ familyName: "Nouri" }));
    await expect(readOwnAsylumCase(bed.as(applicant), another.id)).rejects.toMatchObject({ status: 404 });
    const [access] = await auditOf(state.id, "case.representative_added");
    expect(access?.actor_id).toBe(bed.officer.userId);
  });

  it("sees the interview's day, place and interpreter once an officer sets it", async () => {
    await expect(
      scheduleInterview(bed.as(bed.officer), state.id, {
        day: "2026-03-01",
        time: "10:00",
        place: "SMS, Baku",
        interpreterLanguage: "Arabic",
      }),
    ).rejects.toMatchObject({ code: "interview_day" });
    await expect(
      scheduleInterview(bed.as(bed.caseOfficer), state.id, {
        day: "2026-03-10",
        time: "10:00",
        place: "SMS, Baku",
        interpreterLanguage: "",
      }),
    ).rejects.toMatchObject({ status: 403 });
    const { appointment } = await scheduleInterview(bed.as(bed.officer), state.id, {
      day: "2026-03-10",
      time: "10:30",
      place: "State Migration Service, Baku",
      interpreterLanguage: "Arabic",
    });
    // 10:30 in Baku (UTC+4).
    expect(appointment.startsAt.toISOString()).toBe("2026-03-10T06:30:00.000Z");
    expect(await auditOf(state.id, "asylum.interview_scheduled")).toHaveLength(1);
    const own = await readOwnAsylumCase(bed.as(applicant), state.id);
    expect(own.appointment).toMatchObject({
      place: "State Migration Service, Baku",
      interpreterLanguage: "Arabic",
    });
  });

  it("is told of the decision, and the timeline holds the access given and ended", async () => {
    const db = app.database.db;
    let current = await loadOrFail(state.id);
    current = await bed.finishTasks(await bed.move(current, "start-checks"));
    current = await bed.finishTasks(await bed.move(current, "schedule-interview"), { interpreter: "booked" });
    current = await bed.finishTasks(await bed.move(current, "hold-interview"));
    current = await bed.finishTasks(await bed.move(current, "start-assessment"));
    const before = current.lastSeq;
    current = await bed.decideFirstInstance(current, "refugee-status");
    app.mailer.messages.length = 0;
    expect(await notifyApplicantOfChange(app.karvan.retention, current, before)).toBe(1);
    const [decided] = mailsTo("omar@example.org");
    expect(decided?.text).toContain(`/applications/${state.id}/decision`);
    expect(decided?.text).not.toContain("Haddad");

    const { representative } = await endRepresentation(
      bed.as(bed.officer),
      state.id,
      (
        await queryRows<{ id: string }>(
          db,
          sql`select id from case_representatives where case_id = ${state.id}::uuid`,
        )
      )[0]?.id as string,
    );
    expect(representative.endedAt).not.toBeNull();
    await expect(readOwnAsylumCase(bed.as(applicant), state.id)).rejects.toMatchObject({ status: 404 });
    const access = (await loadEvents(db, state.id)).filter((event) =>
      event.type.startsWith("case.representative"),
    );
    expect(access.map((event) => [event.type, event.payload])).toEqual([
      ["case.representative_added", expect.objectContaining({ role: "applicant", userId: applicant.userId })],
      ["case.representative_ended", expect.objectContaining({ role: "applicant", userId: applicant.userId })],
    ]);
  });

  it("loses its access rows, the accounts in its timeline and its appointment when the case is anonymised", async () => {
    const db = app.database.db;
    // A decided case of its own, followed by a lawyer, anonymised with the retention run's hooks.
    let decided = await bed.toAssessment(asylumAnswers({ familyName: "Karimi" }));
    await addRepresentative(bed.as(bed.officer), decided.id, { email: "other@example.org", role: "lawyer" });
    decided = await bed.decideFirstInstance(await loadOrFail(decided.id), "rejected");
    await app.database.db.execute(
      sql`insert into asylum_interviews (case_id, starts_at, place, scheduled_by, scheduled_at)
          values (${decided.id}::uuid, now(), 'Baku', ${bed.officer.userId}::uuid, now())`,
    );
    const done = await anonymiseCase(
      app.karvan.cases,
      decided.id,
      "case",
      () => ({}),
      "test",
      app.karvan.retention.anonymiseBeside,
    );
    expect(done?.id).toBe(decided.id);
    const left = await queryRows<{ n: number }>(
      db,
      sql`select (select count(*) from case_representatives where case_id = ${decided.id}::uuid)
               + (select count(*) from asylum_interviews where case_id = ${decided.id}::uuid) as n`,
    );
    expect(Number(left[0]?.n)).toBe(0);
    const access = (await loadEvents(db, decided.id)).filter(
      (event) => event.type === "case.representative_added",
    );
    expect(access.map((event) => event.payload)).toEqual([
      expect.objectContaining({ role: "lawyer", userId: null }),
    ]);
    // The other case keeps its rows.
    expect(
      (await queryRows(db, sql`select 1 from case_representatives where case_id = ${state.id}::uuid`)).length,
    ).toBe(1);
  });
});

async function loadOrFail(caseId: string): Promise<CaseState> {
  return (await loadCaseState(app.database.db, caseId)) as CaseState;
}
