import { describe, expect, it } from "vitest";
import { recordDeemedAgreements } from "../src/modules/enforcement/readmission/operations/record-deemed-agreements.js";
import { ManualClock } from "../src/platform/clock/index.js";
import { browserAvailable, expectAccessible, expectFitsPhone, visit } from "./support/browser.js";
import { signInAsDemoStaff } from "./support/journeys.js";
import { useKarvanInBrowser } from "./support/setup.js";

const day = (fromToday: number) => new Date(Date.now() + fromToday * 86_400_000).toISOString().slice(0, 10);

/** The readmission officer's pages: an incoming request nobody answers becomes a deemed agreement. */
describe.runIf(browserAvailable)("readmission with partner states", () => {
  const bed = useKarvanInBrowser();

  it("registers an incoming request that gets no reply; after the deadline it is a deemed agreement", async () => {
    const page = await bed.newPerson();
    await signInAsDemoStaff(page, bed.karvan, "readmission_officer", new Set());
    await page.getByRole("link", { name: "Readmission" }).first().click();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Register an incoming request" }).click();
    await expect(page.locator("h1").textContent()).resolves.toBe("Register a readmission request");
    await page.selectOption("#partnerState", "DE");
    await page.fill("#partnerAuthority", "Bundespolizeipräsidium");
    await page.getByLabel("Own national of the requested state").check();
    await page.fill("#fullName", "Elvin Mammadov");
    await page.fill("#birthDate", "1990-05-01");
    await page.fill("#citizenship", "AZ");
    await page.fill("#caseKnownOn", day(-3));
    // Left out: the date it was received. The form points at the field and keeps the rest.
    await page.getByRole("button", { name: "Register the request" }).click();
    await expectAccessible(page);
    await expect(page.locator(".govuk-error-summary a[href='#transmittedOn']").count()).resolves.toBe(1);
    await expect(page.inputValue("#fullName")).resolves.toBe("Elvin Mammadov");
    await page.fill("#transmittedOn", day(0));
    await page.getByRole("button", { name: "Register the request" }).click();
    await page.waitForURL(/\/readmission\/[0-9a-f-]{36}\?done=registered/);
    await expect(page.getByTestId("status").textContent()).resolves.toBe("Awaiting reply");
    // The reply and extension forms are open while the request waits: checked as they stand.
    await expectAccessible(page);
    await expectFitsPhone(page);
    const requestUrl = page.url().split("?")[0] as string;

    // The daily job on a test clock three weeks on: the twelve calendar days have passed with no reply.
    const readmission = bed.karvan.karvan.readmission;
    const later = new ManualClock(new Date(Date.now() + 21 * 86_400_000));
    const outcome = await recordDeemedAgreements({ ...readmission.systemContext(), clock: later });
    expect(outcome.deemed).toBe(1);

    await visit(page, requestUrl);
    await expect(page.getByTestId("status").textContent()).resolves.toBe("Deemed agreed");
    await expect(page.getByTestId("timeline").textContent()).resolves.toContain("Deemed agreement");
    await visit(page, `${bed.karvan.baseUrl}/readmission`);
    await expect(page.getByTestId("deemed").textContent()).resolves.toContain("Elvin Mammadov");

    // Every page in the state language; the others on the first page (the strings of all three are
    // checked for completeness by the translation tests).
    const pages = [
      "/readmission",
      "/readmission/new",
      "/readmission/agreements",
      new URL(requestUrl).pathname,
    ];
    const visits = [
      ...pages.map((path) => ({ path, lang: "az" })),
      { path: "/readmission", lang: "ru" },
      { path: "/readmission", lang: "en" },
    ];
    for (const { path, lang } of visits) {
      await visit(page, `${bed.karvan.baseUrl}${path}?lang=${lang}`);
      expect(await page.locator("h1").count()).toBe(1);
      await expectFitsPhone(page);
    }
  });
});
