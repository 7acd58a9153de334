import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.js";
import type { TestClient } from "../../../../test/support/test-client.js";
import { ManualClock } from "../../../platform/clock/index.js";
import type { CaseState } from "../../cases/index.js";
import { createSubmittedCases } from "../../cases/operations/create-submitted-cases.js";
import { signInNewApplicant } from "../../cases/portal/portal-test-bed.js";
import { location, signInNewStaff } from "../../cases/workspace/workspace-test-bed.js";
import { asylumAnswers } from "../test-support/asylum-answers.js";
import { asylumTestBed } from "../test-support/asylum-test-bed.js";

// Monday 2 March 2026, 11:00 in Baku.
const clock = new ManualClock("2026-03-02T07:00:00Z");
let app: TestApp;
let officer: { browser: TestClient; userId: string };
let applicant: { browser: TestClient; userId: string };
let other: { browser: TestClient; userId: string };
let state: CaseState;

beforeAll(async () => {
  app = await createTestApp({ clock });
  const db = app.database.db;
  const bed = await asylumTestBed(app.karvan.cases, db, createSubmittedCases);
  officer = await signInNewStaff(db, clock, app.client(), {
    email: "asylum@sms.gov.az",
    fullName: "Leyla Asylum",
    agency: "SMS",
    roles: ["asylum_officer"],
  });
  applicant = await signInNewApplicant(db, clock, app.client(), "omar@example.org");
  other = await signInNewApplicant(db, clock, app.client(), "other@example.org");
  state = await bed.register(asylumAnswers({ religion: "Yazidi faith" }));
});

afterAll(async () => {
  await app?.close();
});

describe("the asylum applicant's pages and the officer's interview page", () => {
  it("an officer gives the applicant's account access; the timeline shows it and the applicant is told", async () => {
    await officer.browser.get(`/cases/${state.id}`);
    const added = await officer.browser.post(`/cases/${state.id}/representatives`, {
      email: "omar@example.org",
      role: "applicant",
    });
    expect(location(added)).toBe(`/cases/${state.id}?done=representativeAdded`);
    const told = app.mailer.lastTo("omar@example.org");
    expect(told?.subject).toContain(state.number);
    expect(told?.text).toContain(`/applications/${state.id}`);
    const history = await officer.browser.get(`/cases/${state.id}/history`);
    expect(history.body).toContain(
      "Access given to follow the case in the portal: applicant (their own account)",
    );
    expect(history.body).toContain("omar@example.org");
  });

  it("the officer sets the interview: errors at their fields with the values kept, then the applicant is told", async () => {
    const form = await officer.browser.get(`/asylum/cases/${state.id}/interview`);
    expect(form.statusCode).toBe(200);
    // The language the application asked an interpreter for.
    expect(form.body).toContain('name="interpreterLanguage" type="text" value="Arabic"');
    const fields = {
      "day-day": "10",
      "day-month": "3",
      "day-year": "2026",
      time: "25:00",
      place: "State Migration Service, 202 Ziya Bunyadov avenue, Baku",
      interpreterLanguage: "Arabic",
    };
    const wrong = await officer.browser.post(`/asylum/cases/${state.id}/interview`, fields);
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('href="#time"');
    expect(wrong.body).toContain('id="time-error"');
    expect(wrong.body).toContain("202 Ziya Bunyadov avenue");
    const set = await officer.browser.post(`/asylum/cases/${state.id}/interview`, {
      ...fields,
      time: "10:30",
    });
    expect(location(set)).toBe(`/asylum/cases/${state.id}/interview?done=scheduled`);
    const told = app.mailer.lastTo("omar@example.org");
    expect(told?.text).toContain(`/asylum/applications/${state.id}`);
    expect(told?.text).not.toContain("Ziya Bunyadov");
  });

  it("the applicant sees status, interview and decision section, never the special-category answers", async () => {
    const status = await applicant.browser.get(`/applications/${state.id}`);
    expect(status.statusCode).toBe(200);
    expect(status.body).toContain(`href="/asylum/applications/${state.id}"`);
    const page = await applicant.browser.get(`/asylum/applications/${state.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('data-testid="interview"');
    expect(page.body).toContain("10:30");
    expect(page.body).toContain("202 Ziya Bunyadov avenue");
    expect(page.body).toContain('data-testid="no-decision"');
    expect(page.body).not.toContain("Yazidi");
    expect((await other.browser.get(`/asylum/applications/${state.id}`)).statusCode).toBe(404);
    expect((await officer.browser.get(`/asylum/applications/${state.id}`)).statusCode).toBe(403);
    expect((await applicant.browser.get("/asylum/applications/not-a-case")).statusCode).toBe(404);
  });
});
