import { describe, expect, it } from "vitest";
import { browserAvailable, expectAccessible, visit } from "./support/browser.js";
import { signInAsDemoStaff } from "./support/journeys.js";
import { useKarvanInBrowser } from "./support/setup.js";

/** The administration and audit pages, opened as their users would, each checked with axe. */
describe.runIf(browserAvailable)("administration and audit pages", () => {
  const bed = useKarvanInBrowser();
  const usedCodes = new Set<string>();

  it("lets an administrator browse users, roles and agencies", async () => {
    const page = await bed.newPerson();
    await signInAsDemoStaff(page, bed.karvan, "administrator", usedCodes);
    for (const path of ["/admin/roles", "/admin/agencies", "/demo/outbox", "/admin/users"]) {
      await visit(page, `${bed.karvan.baseUrl}${path}`);
      expect(await page.locator("h1").count()).toBe(1);
    }
    await page.getByRole("link", { name: "Leyla Mammadova" }).click();
    await expectAccessible(page);
    // The auditor pages are not for administrators.
    const refused = await page.goto(`${bed.karvan.baseUrl}/audit`);
    expect(refused?.status()).toBe(403);
    await expectAccessible(page);
  });

  it("lets an auditor search the trail, open a record and verify the chain", async () => {
    const page = await bed.newPerson();
    await signInAsDemoStaff(page, bed.karvan, "auditor", usedCodes);
    await visit(page, `${bed.karvan.baseUrl}/audit`);
    await expect(page.getByTestId("audit-results").isVisible()).resolves.toBe(true);
    await expect(page.getByTestId("audit-results").textContent()).resolves.toContain("auth.sign_in");

    await page.getByTestId("audit-results").locator("a").first().click();
    await expectAccessible(page);
    await expect(page.getByTestId("audit-record").isVisible()).resolves.toBe(true);

    await visit(page, `${bed.karvan.baseUrl}/audit/chain`);
    await page.getByRole("button", { name: "Verify the chain now" }).click();
    await expectAccessible(page);
    await expect(page.getByTestId("audit-verification-ok").isVisible()).resolves.toBe(true);
  });
});
