import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  newApplicant,
  submittedCase,
  workspaceSample,
} from "../src/modules/cases/workspace/workspace-test-bed.js";
import { browserAvailable, expectAccessible, visit } from "./support/browser.js";
import { signInAsDemoStaff } from "./support/journeys.js";
import { type BrowserTestBed, useKarvanInBrowser } from "./support/setup.js";

/** Clicks a button that sends a form, waits for the page it leads to and checks it with axe. */
async function send(page: Page, button: string, leadsTo: RegExp) {
  await page.getByRole("button", { name: button, exact: true }).click();
  await page.waitForURL(leadsTo);
  await expectAccessible(page);
}

/**
 * The queue fits the width: its last (deadline) column is whole on screen and not cut off by
 * any scrolling box, and the page does not scroll sideways.
 */
async function expectQueueFits(page: Page, width: number) {
  await page.setViewportSize({ width, height: 800 });
  const fit = await page.evaluate(() => {
    const rows = Array.from(document.querySelectorAll('[data-testid="queue-table"] tr'));
    const lastCells = rows.map((row) => row.lastElementChild as HTMLElement);
    let visibleRight = document.documentElement.clientWidth;
    for (let box = lastCells[0]?.parentElement ?? null; box; box = box.parentElement) {
      if (getComputedStyle(box).overflowX !== "visible")
        visibleRight = Math.min(visibleRight, box.getBoundingClientRect().right);
    }
    return {
      right: Math.max(...lastCells.map((cell) => cell.getBoundingClientRect().right)),
      visibleRight,
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    };
  });
  expect(fit.right, "the deadline column ends inside the screen").toBeLessThanOrEqual(fit.visibleRight);
  expect(fit.scrollWidth, "no sideways scrolling").toBeLessThanOrEqual(fit.clientWidth);
}

/**
 * A PDF opens in the browser's own viewer (not as a download): the viewer draws its white page.
 * Not an HTML page of ours, so there is nothing for axe to check.
 */
async function expectPdfShown(page: Page, bed: BrowserTestBed, link: string) {
  const href = await page.getByRole("link", { name: link }).getAttribute("href");
  const viewer = await bed.newPerson();
  await viewer.context().addCookies(await page.context().cookies());
  const response = await viewer.goto(`${bed.karvan.baseUrl}${href}`);
  const headers = (await response?.allHeaders()) ?? {};
  expect(headers["content-disposition"]).toMatch(/^inline;/);
  expect(headers["content-security-policy"]).toBe("sandbox; default-src 'none'");
  const pdfViewer = "chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/";
  await expect.poll(() => viewer.frames().some((frame) => frame.url().startsWith(pdfViewer))).toBe(true);
  // The rendered page is white on the viewer's dark background: count white pixels on screen.
  await expect
    .poll(
      async () => {
        const shot = (await viewer.screenshot()).toString("base64");
        return page.evaluate(async (png) => {
          const image = new Image();
          image.src = `data:image/png;base64,${png}`;
          await image.decode();
          const canvas = document.createElement("canvas");
          canvas.width = image.width;
          canvas.height = image.height;
          const context = canvas.getContext("2d") as CanvasRenderingContext2D;
          context.drawImage(image, 0, 0);
          const pixels = context.getImageData(0, 0, image.width, image.height).data;
          let white = 0;
          for (let index = 0; index < pixels.length; index += 4) {
            if (
              (pixels[index] ?? 0) > 245 &&
              (pixels[index + 1] ?? 0) > 245 &&
              (pixels[index + 2] ?? 0) > 245
            )
              white++;
          }
          return white / (image.width * image.height);
        }, shot);
      },
      { timeout: 10_000 },
    )
    .toBeGreaterThan(0.05);
  await viewer.context().close();
}

/**
 * The officer's side of a permit: the queue, the case file, the employment service's opinion,
 * four eyes and the issued permit checked on the public page. The application is made through
 * the engine (the applicant's pages have their own browser test).
 */
describe.runIf(browserAvailable)("an officer decides an application", () => {
  // The full browser: the case's documents open in its PDF viewer, which the headless shell lacks.
  const bed = useKarvanInBrowser({ caseTypes: [workspaceSample], fullBrowser: true });
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
    await expectQueueFits(officer, 1280);
    // The filter tag's remove icon is served where the stylesheet says it is.
    const icon = await officer
      .locator(".moj-filter__tag")
      .first()
      .evaluate((tag) => getComputedStyle(tag, "::after").backgroundImage);
    const iconUrl = /url\("?([^")]+)"?\)/.exec(icon)?.[1] ?? "";
    expect(iconUrl).toMatch(/icon-tag-remove-cross\.svg$/);
    expect((await officer.request.get(iconUrl)).status()).toBe(200);

    // The search box finds the case by the applicant's name, without accents or case.
    await officer.fill("#q", "farah karimi");
    await officer.getByRole("button", { name: "Search", exact: true }).click();
    await officer.waitForURL(/q=farah\+karimi/);
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
    await visit(approver, `${base}/staff`);
    await expect(approver.getByTestId("awaiting-approval").textContent()).resolves.toContain(state.number);
    await approver.getByTestId("awaiting-approval").getByRole("link", { name: state.number }).click();
    await approver.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await expectAccessible(approver);
    await send(approver, "Approve", /\/actions\/approve$/);
    await expect(approver.getByTestId("approval-outcome").textContent()).resolves.toBe("Granted");
    await send(approver, "Confirm: Approve", /done=approve/);

    await visit(officer, `${base}/cases/${state.id}`);
    await send(officer, "Issue", /done=issue/);
    const code = (await officer.getByTestId("verification-code").textContent()) ?? "";
    expect(code).toMatch(/^[A-Z0-9_-]{8,}$/);
    for (const tab of ["documents", "tasks", "history", "related", "notes"]) {
      await visit(officer, `${base}/cases/${state.id}/${tab}`);
      if (tab === "documents") await expectPdfShown(officer, bed, "View passport.pdf");
    }
    await officer.fill("#note-text", "Permit handed over at the counter.");
    await send(officer, "Add note", /done=noted/);

    const visitor = await bed.newPerson();
    await visit(visitor, `${base}/verify?lang=en`);
    await visitor.fill("#code", code.toLowerCase());
    await visitor.getByRole("button", { name: "Check", exact: true }).click();
    await visitor.waitForURL(/\/verify\/[A-Z0-9_-]+$/);
    await expectAccessible(visitor);
    await expect(visitor.getByTestId("verify-status").textContent()).resolves.toBe("The document is valid");
  });
});
