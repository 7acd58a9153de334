import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserAvailable, expectAccessible } from "./support/browser.js";
import { demoTotpSecret, freshTotpCode, signInAsDemoStaff } from "./support/journeys.js";
import { useKarvanInBrowser } from "./support/setup.js";

describe.runIf(browserAvailable)("staff sign in with a password and an authenticator code", () => {
  const bed = useKarvanInBrowser();
  let page: Page;
  const usedCodes = new Set<string>();

  it("refuses a wrong code, accepts the right one and shows the workspace for the role", async () => {
    page = await bed.newPerson();
    const { email, secret } = await demoTotpSecret(bed.karvan, "case_officer");
    await page.goto(`${bed.karvan.baseUrl}/sign-in?lang=en`);
    await page.fill("#email", email);
    await page.fill("#password", "Karvan-demo-2026");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("h1").textContent()).resolves.toBe("Enter your security code");

    // Without the second factor the workspace stays closed.
    await page.goto(`${bed.karvan.baseUrl}/staff`);
    expect(page.url()).not.toMatch(/\/staff$/);

    await page.goto(`${bed.karvan.baseUrl}/sign-in/code`);
    await page.fill("#code", "000000");
    await page.getByRole("button", { name: "Continue" }).click();
    await expectAccessible(page);
    await expect(page.locator(".govuk-error-summary").isVisible()).resolves.toBe(true);

    await page.fill("#code", await freshTotpCode(secret, usedCodes));
    await page.getByRole("button", { name: "Continue" }).click();
    await page.waitForURL(/\/staff/);
    await expectAccessible(page);
    await expect(page.getByTestId("signed-in-user").textContent()).resolves.toBe("Leyla Mammadova");
    // A case officer has no administration menu.
    await expect(page.getByRole("link", { name: "Users" }).count()).resolves.toBe(0);
  });

  it("shows an administrator the administration menu", async () => {
    page = await bed.newPerson();
    await signInAsDemoStaff(page, bed.karvan, "administrator", usedCodes);
    await expect(page.getByRole("link", { name: "Users" }).first().isVisible()).resolves.toBe(true);
  });
});
