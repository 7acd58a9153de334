import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";
import type { TestClient } from "../../../test/support/test-client.js";
import { ManualClock } from "../../platform/clock/index.js";
import { queryRows } from "../../platform/db/index.js";
import { hiddenValue, location, signInNewStaff } from "../cases/workspace/workspace-test-bed.js";

const clock = new ManualClock("2026-04-06T06:00:00Z");
let app: TestApp;
let officer: TestClient;
let supervisor: TestClient;
let caseOfficer: TestClient;

const path = "/cases/register/asylum";

/** A mother with two children, one of them 15, registered at the border; her religion is a special category. */
const family = {
  lodgedAt: "border",
  applicationKind: "first",
  accelerated: "no",
  familyName: "Ahmadi",
  givenNames: "Zahra",
  "birthDate-day": "9",
  "birthDate-month": "11",
  "birthDate-year": "1984",
  sex: "F",
  stateless: "no",
  citizenship: "AF",
  hasDocument: "no",
  familyMemberCount: "2",
  unaccompaniedMinor: "no",
  languages: "Dari, Farsi",
  interpreterNeeded: "yes",
  interpreterLanguage: "Dari",
  vulnerable: "no",
  religion: "Hazara Shia",
};
const members = {
  member1FamilyName: "Ahmadi",
  member1GivenNames: "Ali",
  "member1BirthDate-day": "2",
  "member1BirthDate-month": "3",
  "member1BirthDate-year": "2011",
  member1Sex: "M",
  member1Relationship: "child",
  member1Citizenship: "AF",
  member2FamilyName: "Ahmadi",
  member2GivenNames: "Maryam",
  "member2BirthDate-day": "20",
  "member2BirthDate-month": "8",
  "member2BirthDate-year": "2017",
  member2Sex: "F",
  member2Relationship: "child",
};

const shownOf = (body: string) =>
  [...body.matchAll(/name="_shown" value="([^"]+)"/g)].map((match) => match[1] ?? "");

async function staff(email: string, roles: string[]): Promise<TestClient> {
  const signedIn = await signInNewStaff(app.database.db, clock, app.client(), {
    email,
    fullName: email,
    agency: "SMS",
    roles,
  });
  return signedIn.browser;
}

beforeAll(async () => {
  app = await createTestApp({ clock });
  officer = await staff("asylum.officer@sms.gov.az", ["asylum_officer"]);
  supervisor = await staff("asylum.supervisor@sms.gov.az", ["asylum_supervisor"]);
  caseOfficer = await staff("case.officer@sms.gov.az", ["case_officer"]);
});
afterAll(async () => {
  await app?.close();
});

describe("an asylum officer registers a family from the workspace", () => {
  let caseId: string;

  it("asks about each family member the count reveals, then registers the case with its persons", async () => {
    const form = await officer.get(path);
    expect(form.statusCode).toBe(200);
    const key = hiddenValue(form.body, "_key");
    const revealed = await officer.post(path, { _key: key, _shown: shownOf(form.body), ...family });
    expect(revealed.statusCode).toBe(200);
    expect(revealed.body).toContain('name="member2GivenNames"');
    expect(revealed.body).not.toContain('name="member3GivenNames"');
    const registered = await officer.post(path, {
      _key: key,
      _shown: shownOf(revealed.body),
      ...family,
      ...members,
    });
    expect(registered.statusCode).toBe(303);
    expect(location(registered)).toMatch(/^\/cases\/[0-9a-f-]{36}\?done=registered$/);
    caseId = location(registered).slice("/cases/".length, "/cases/".length + 36);
    const persons = await queryRows<{ role: string; slot: number }>(
      app.database.db,
      sql`select role, slot from people_case_links where case_id = ${caseId}::uuid order by role, slot`,
    );
    expect(persons).toEqual([
      { role: "applicant", slot: 0 },
      { role: "family-member", slot: 0 },
      { role: "family-member", slot: 1 },
    ]);
  });

  it("shows the religion to the supervisor only, and the case to the asylum unit only", async () => {
    const own = await officer.get(`/cases/${caseId}`);
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain("Zahra");
    expect(own.body).not.toContain("Hazara Shia");
    expect(own.body).toContain(`href="/asylum/cases/${caseId}/time-limits"`);
    const supervised = await supervisor.get(`/cases/${caseId}`);
    expect(supervised.body).toContain("Hazara Shia");
    expect((await caseOfficer.get(`/cases/${caseId}`)).statusCode).toBe(403);
  });
});
