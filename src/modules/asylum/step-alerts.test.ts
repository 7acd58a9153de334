import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";
import { ManualClock } from "../../platform/clock/index.js";
import { countryProfile } from "../../platform/country/index.js";
import { findAgencyByCode, type Principal } from "../access/index.js";
import { type CaseState, claimCase } from "../cases/index.js";
import { createSubmittedCases } from "../cases/operations/create-submitted-cases.js";
import { signInNewStaff } from "../cases/workspace/workspace-test-bed.js";
import { sendAsylumStepAlerts } from "./alerts/send-step-alerts.js";
import { loadAsylumLaw } from "./asylum-law.js";
import { asylumAnswers } from "./test-support/asylum-answers.js";
import { type AsylumTestBed, asylumTestBed } from "./test-support/asylum-test-bed.js";

const clock = new ManualClock("2026-01-12T07:00:00Z");
let app: TestApp;
let bed: AsylumTestBed;
let officer: Awaited<ReturnType<typeof signInNewStaff>>;
let registered: CaseState;

const calendar = countryProfile().calendar;
// Identity checks: 10 working days from the registration (law/az.json).
const identityDue = calendar.addWorkingDays("2026-01-12", 10);

const alerts = () =>
  sendAsylumStepAlerts({
    db: app.karvan.database.db,
    clock,
    calendar,
    law: loadAsylumLaw("AZ"),
    registry: app.karvan.cases.registry,
    config: app.config,
    mailer: app.mailer,
    i18n: app.karvan.i18n,
  });
const mails = () => app.mailer.messages.filter((message) => message.to === "steps@sms.gov.az");

beforeAll(async () => {
  app = await createTestApp({ clock });
  const db = app.karvan.database.db;
  bed = await asylumTestBed(app.karvan.cases, db, createSubmittedCases);
  officer = await signInNewStaff(db, clock, app.client(), {
    email: "steps@sms.gov.az",
    fullName: "Aysel Steps",
    agency: "SMS",
    roles: ["asylum_officer"],
  });
  registered = await bed.register(asylumAnswers());
  const sms = (await findAgencyByCode(db, "SMS"))?.id ?? null;
  const real: Principal = {
    ...bed.officer,
    userId: officer.userId,
    email: "steps@sms.gov.az",
    agencyId: sms,
  };
  await claimCase(bed.as(real), registered.id);
});
afterAll(async () => {
  await app?.close();
});

describe("asylum step time limits", () => {
  it("tell the assigned officer the working day before a step's last day, and once it has passed, once each", async () => {
    clock.set(`${calendar.addWorkingDays(identityDue, -2)}T04:40:00Z`);
    expect(await alerts()).toEqual({ dueSoon: 0, overdue: 0 });
    clock.set(`${calendar.addWorkingDays(identityDue, -1)}T04:40:00Z`);
    expect(await alerts()).toEqual({ dueSoon: 1, overdue: 0 });
    expect(await alerts()).toEqual({ dueSoon: 0, overdue: 0 });
    expect(mails().map((mail) => mail.subject)).toEqual([expect.stringContaining("Identity checks ends on")]);
    expect(mails()[0]?.text).not.toContain("Haddad");
    clock.set(`${calendar.addCalendarDays(identityDue, 1)}T04:40:00Z`);
    await alerts();
    await alerts();
    expect(mails().filter((mail) => mail.subject.includes("has passed"))).toHaveLength(1);
  });

  it("shows each started step's last day and standing to the asylum unit only", async () => {
    // Signed in now: the sessions of the first test's days have run out.
    const staff = (email: string, role: string) =>
      signInNewStaff(app.karvan.database.db, clock, app.client(), {
        email,
        fullName: "Staff Member",
        agency: "SMS",
        roles: [role],
      });
    const unit = await staff("unit@sms.gov.az", "asylum_officer");
    const caseOfficer = await staff("plain@sms.gov.az", "case_officer");
    const page = await unit.browser.get(`/asylum/cases/${registered.id}/time-limits`);
    expect(page.statusCode).toBe(200);
    const table = /<table[^>]*data-testid="step-time-limits"[\s\S]*?<\/table>/.exec(page.body)?.[0] ?? "";
    expect(table).toMatch(/data-step="identityChecks"[\s\S]*?Overdue/);
    expect(table).toContain('data-step="firstInstanceDecision"');
    expect(table).not.toContain("acceleratedDecision");
    expect((await caseOfficer.browser.get(`/asylum/cases/${registered.id}/time-limits`)).statusCode).toBe(
      403,
    );
    expect((await unit.browser.get("/asylum/cases/not-an-id/time-limits")).statusCode).toBe(404);
  });
});
