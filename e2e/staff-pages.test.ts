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
    for (const path of [
      "/admin/roles",
      "/admin/agencies",
      "/demo/outbox",
      "/statistics/parked",
      "/admin/users",
    ]) {
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
    // Actions and record types in words, not codes.
    const results = (await page.getByTestId("audit-results").textContent()) ?? "";
    expect(results).toContain("Signed in");
    expect(results).not.toContain("auth.sign_in");

    // Karvan's own icon: each one the page links is served, and so is /favicon.ico.
    const icons = await page
      .locator('link[rel="icon"], link[rel="apple-touch-icon"]')
      .evaluateAll((links) => links.map((link) => (link as HTMLLinkElement).href));
    expect(icons.some((href) => href.endsWith(".svg"))).toBe(true);
    expect(icons.some((href) => href.endsWith(".ico"))).toBe(true);
    for (const href of [...icons, `${bed.karvan.baseUrl}/favicon.ico`]) {
      const icon = await page.request.get(href);
      expect(icon.status(), href).toBe(200);
      expect(icon.headers()["content-type"], href).toMatch(/^image\//);
    }

    await page.getByTestId("audit-results").locator("a").first().click();
    await expectAccessible(page);
    await expect(page.getByTestId("audit-record").isVisible()).resolves.toBe(true);

    await visit(page, `${bed.karvan.baseUrl}/audit/chain`);
    await page.getByRole("button", { name: "Verify the chain now" }).click();
    await expectAccessible(page);
    await expect(page.getByTestId("audit-verification-ok").isVisible()).resolves.toBe(true);
  });
});
