import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  newApplicant,
  submittedCase,
  workspaceSample,
} from "../src/modules/cases/workspace/workspace-test-bed.js";
import { browserAvailable, expectAccessible, visit } from "./support/browser.js";
import { signInAsDemoStaff } from "./support/journeys.js";
import { useKarvanInBrowser } from "./support/setup.js";

/** Clicks a button that sends a form, waits for the page it leads to and checks it with axe. */
async function send(page: Page, button: string, leadsTo: RegExp) {
  await page.getByRole("button", { name: button, exact: true }).click();
  await page.waitForURL(leadsTo);
  await expectAccessible(page);
}

/**
 * The officer's side of a permit: the queue, the case file, the employment service's opinion,
 * four eyes and the issued permit checked on the public page. The application is made through
 * the engine (the applicant's pages have their own browser test).
 */
describe.runIf(browserAvailable)("an officer decides an application", () => {
  const bed = useKarvanInBrowser({ caseTypes: [workspaceSample] });
  const usedCodes = new Set<string>();

  it("takes the case from the queue to an issued permit that the public can check", async () => {
    const karvan = bed.karvan.karvan;
    const base = bed.karvan.baseUrl;
    const applicant = await newApplicant(
      karvan.database.db,
      karvan.clock,
      "farah.e2e@example.org",
      "Farah Karimi",
    );
    const state = await submittedCase(karvan.cases, karvan.config, applicant, { fullName: "Farah Karimi" });

    const officer = await bed.newPerson();
    await signInAsDemoStaff(officer, bed.karvan, "case_officer", usedCodes);
    await officer.getByRole("navigation", { name: "Main menu" }).getByRole("link", { name: "Cases" }).click();
    await officer.waitForURL(/\/cases$/);
    await expectAccessible(officer);
    await officer.check('input[name="assigned"][value="unassigned"]');
    await officer.getByRole("button", { name: "Apply filters" }).click();
    await officer.waitForURL(/assigned=unassigned/);
    await expectAccessible(officer);
    await expect(officer.getByTestId("queue-table").textContent()).resolves.toContain(state.number);
    await visit(officer, `${base}/cases/overdue`);

    await visit(officer, `${base}/cases`);
    await officer.getByRole("link", { name: state.number }).click();
    await officer.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await expectAccessible(officer);
    await send(officer, "Take this case", /done=claimed/);
    await expect(officer.getByTestId("case-assigned").textContent()).resolves.toBe("Leyla Mammadova");
    await send(officer, "Start review", /done=start-review/);

    // Drafting before the employment service has answered is refused, with an accessible summary.
    await officer.getByLabel("Granted").check();
    await send(officer, "Draft decision", /\/actions\/draft-decision$/);
    await expect(officer.locator(".govuk-error-summary").textContent()).resolves.toContain(
      "All mandatory tasks must be completed first",
    );

    const employment = await bed.newPerson();
    await signInAsDemoStaff(employment, bed.karvan, "employment_officer", usedCodes);
    await employment
      .getByRole("navigation", { name: "Main menu" })
      .getByRole("link", { name: "Tasks" })
      .click();
    await employment.waitForURL(/\/tasks$/);
    await expectAccessible(employment);
    await employment.getByTestId("tasks-queue").locator("a").first().click();
    await employment.waitForURL(/\/tasks\/[0-9a-f-]{36}$/);
    await expectAccessible(employment);
    await expect(employment.getByTestId("task-case-data").textContent()).resolves.toContain("Farah Karimi");
    await employment.getByLabel("Positive").check();
    await employment.fill("#task-comment", "No local candidates for this occupation.");
    await send(employment, "Send result", /done=completed/);

    await visit(officer, `${base}/cases/${state.id}`);
    await officer.getByLabel("Granted").check();
    await officer.fill("#action-draft-decision-reasons", "The conditions of article 1 are met.");
    await send(officer, "Draft decision", /done=draft-decision/);

    const approver = await bed.newPerson();
    await signInAsDemoStaff(approver, bed.karvan, "approver", usedCodes);
    await visit(approver, `${base}/cases/${state.id}`);
    await send(approver, "Approve", /done=approve/);

    await visit(officer, `${base}/cases/${state.id}`);
    await send(officer, "Issue", /done=issue/);
    const code = (await officer.getByTestId("verification-code").textContent()) ?? "";
    expect(code).toMatch(/^[A-Z0-9_-]{8,}$/);
    for (const tab of ["documents", "tasks", "history", "related", "notes"]) {
      await visit(officer, `${base}/cases/${state.id}/${tab}`);
    }
    await officer.fill("#note-text", "Permit handed over at the counter.");
    await send(officer, "Add note", /done=noted/);

    const visitor = await bed.newPerson();
    await visit(visitor, `${base}/verify?lang=en`);
    await visitor.fill("#code", code.toLowerCase());
    await visitor.getByRole("button", { name: "Check" }).click();
    await visitor.waitForURL(/\/verify\/[A-Z0-9_-]+$/);
    await expectAccessible(visitor);
    await expect(visitor.getByTestId("verify-status").textContent()).resolves.toBe("The document is valid");
  });
});
