import { describe, expect, it } from "vitest";
import { browserAvailable, expectFitsPhone, visit } from "./support/browser.js";
import { signInAsDemoStaff } from "./support/journeys.js";
import { useKarvanInBrowser } from "./support/setup.js";

/** The data-protection officer's pages, checked with axe and on a phone's width, in every language. */
describe.runIf(browserAvailable)("data-protection officer's pages", () => {
  const bed = useKarvanInBrowser();

  it("shows the retention report and the record of processing, readable on a phone", async () => {
    const page = await bed.newPerson();
    await signInAsDemoStaff(page, bed.karvan, "data_protection_officer", new Set());
    await page.getByRole("link", { name: "Retention" }).first().click();
    await expect(page.locator("h1").textContent()).resolves.toBe("What retention removes next");
    // English is read above; the longer Azerbaijani and Russian texts must fit too.
    for (const lang of ["az", "ru"]) {
      for (const path of ["/privacy/retention", "/privacy/processing-record"]) {
        await visit(page, `${bed.karvan.baseUrl}${path}?lang=${lang}`);
        expect(await page.locator("h1").count()).toBe(1);
        await expectFitsPhone(page);
      }
    }
  });
});
