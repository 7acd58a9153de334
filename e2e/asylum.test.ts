import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { demoEmail, demoPassword } from "../src/demo/index.js";
import { scheduleInterview } from "../src/modules/asylum/operations/schedule-interview.js";
import { asylumTestBed } from "../src/modules/asylum/test-support/asylum-test-bed.js";
import { type CaseState, loadCaseState } from "../src/modules/cases/index.js";
import { addRepresentative } from "../src/modules/cases/operations/add-representative.js";
import { createSubmittedCases } from "../src/modules/cases/operations/create-submitted-cases.js";
import { browserAvailable, expectAccessible, expectFitsPhone, visit } from "./support/browser.js";
import { signInAsDemoStaff } from "./support/journeys.js";
import { useKarvanInBrowser } from "./support/setup.js";

async function send(page: Page, button: string, leadsTo: RegExp) {
  await page.getByRole("button", { name: button, exact: true }).click();
  await page.waitForURL(leadsTo);
  await expectAccessible(page);
}

/**
 * The asylum unit's side: an officer registers a mother and her child at the border on the
 * workspace's registration page, and a supervisor approves the decision another officer drafted;
 * the applicant, given access to the case, follows it in the portal.
 */
describe.runIf(browserAvailable)("an asylum application", () => {
  const bed = useKarvanInBrowser();
  const usedCodes = new Set<string>();

  it("is registered for a family with a minor, and its decision approved by a second person", async () => {
    const base = bed.karvan.baseUrl;
    const officer = await bed.newPerson();
    await signInAsDemoStaff(officer, bed.karvan, "asylum_officer", usedCodes);
    await visit(officer, `${base}/cases/register`);
    await officer.getByRole("link", { name: "Asylum application" }).click();
    await officer.waitForURL(/\/cases\/register\/asylum$/);
    await expectAccessible(officer);
    const choose = (name: string, value: string) => officer.check(`input[name="${name}"][value="${value}"]`);
    await choose("lodgedAt", "border");
    await choose("applicationKind", "first");
    await choose("accelerated", "no");
    await officer.fill("#familyName", "Ahmadi");
    await officer.fill("#givenNames", "Zahra");
    await officer.fill("#birthDate-day", "9");
    await officer.fill("#birthDate-month", "11");
    await officer.fill("#birthDate-year", "1984");
    await choose("sex", "F");
    await choose("stateless", "no");
    await choose("hasDocument", "no");
    await choose("familyMemberCount", "1");
    await choose("unaccompaniedMinor", "no");
    await officer.fill("#languages", "Dari");
    await choose("interpreterNeeded", "yes");
    await choose("vulnerable", "no");
    // The citizenship and the child's questions appear once the answers that reveal them are sent.
    await send(officer, "Register the case", /\/cases\/register\/asylum$/);
    await expect(officer.getByTestId("revealed-notice").count()).resolves.toBe(1);
    await officer.selectOption("#citizenship", "AF");
    await officer.fill("#interpreterLanguage", "Dari");
    await officer.fill("#member1FamilyName", "Ahmadi");
    await officer.fill("#member1GivenNames", "Ali");
    await officer.fill("#member1BirthDate-day", "2");
    await officer.fill("#member1BirthDate-month", "3");
    await officer.fill("#member1BirthDate-year", "2013");
    await choose("member1Sex", "M");
    await officer.selectOption("#member1Relationship", "child");
    await send(officer, "Register the case", /\/cases\/[0-9a-f-]{36}\?done=registered$/);
    const caseId = /\/cases\/([0-9a-f-]{36})/.exec(officer.url())?.[1] as string;

    // Checks, interview and assessment through the engine; another officer drafts the decision.
    const karvan = bed.karvan.karvan;
    const steps = await asylumTestBed(karvan.cases, karvan.database.db, createSubmittedCases);
    // The applicant's own portal account follows the case; the interview is set in a month.
    await addRepresentative(steps.as(steps.officer), caseId, {
      email: demoEmail("applicant"),
      role: "applicant",
    });
    let state = (await loadCaseState(karvan.database.db, caseId)) as CaseState;
    const inAMonth = new Date(Date.now() + 30 * 24 * 3_600_000).toISOString().slice(0, 10);
    for (const transition of ["start-checks", "schedule-interview", "hold-interview", "start-assessment"]) {
      if (transition === "hold-interview") {
        await scheduleInterview(steps.as(steps.officer), caseId, {
          day: inAMonth,
          time: "10:30",
          place: "State Migration Service, Baku",
          interpreterLanguage: "Dari",
        });
      }
      state = await steps.finishTasks(await steps.move(state, transition));
    }
    await steps.move(state, "draft-decision", steps.officer, {
      outcome: "refugee-status",
      reasons: "Well-founded fear of persecution.",
    });

    const supervisor = await bed.newPerson();
    await signInAsDemoStaff(supervisor, bed.karvan, "asylum_supervisor", usedCodes);
    await visit(supervisor, `${base}/cases/${caseId}`);
    await send(supervisor, "Approve the decision", /\/actions\/approve$/);
    await send(supervisor, "Confirm: Approve the decision", /done=approve/);
    await expectFitsPhone(supervisor);

    // The applicant follows the case in the portal: where it stands and the interview, on a phone.
    const applicant = await bed.newPerson();
    await visit(applicant, `${base}/sign-in?lang=en`);
    await applicant.fill("#email", demoEmail("applicant"));
    await applicant.fill("#password", demoPassword);
    await applicant.getByRole("button", { name: "Sign in" }).click();
    await applicant.waitForURL(/\/account/);
    await visit(applicant, `${base}/asylum/applications/${caseId}?lang=en`);
    await expect(applicant.getByTestId("interview").textContent()).resolves.toContain(
      "State Migration Service, Baku",
    );
    await expect(applicant.locator("body").textContent()).resolves.not.toContain("Ahmadi");
    await expectFitsPhone(applicant);

    // Every page in the state language; the case file in the other two.
    const visits = [
      { page: officer, path: "/cases/register", lang: "az" },
      { page: officer, path: "/cases/register/asylum", lang: "az" },
      { page: supervisor, path: `/cases/${caseId}`, lang: "az" },
      { page: supervisor, path: `/cases/${caseId}`, lang: "en" },
      { page: supervisor, path: `/cases/${caseId}`, lang: "ru" },
      { page: applicant, path: `/asylum/applications/${caseId}`, lang: "az" },
      { page: applicant, path: `/asylum/applications/${caseId}`, lang: "ru" },
    ];
    for (const { page, path, lang } of visits) {
      await visit(page, `${base}${path}?lang=${lang}`);
      expect(await page.locator("h1").count()).toBe(1);
    }
  });
});
