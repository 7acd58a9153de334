import { describe, expect, it } from "vitest";
import { browserAvailable, expectAccessible, visit } from "./support/browser.js";
import { linkFromOutbox } from "./support/journeys.js";
import { useKarvanInBrowser } from "./support/setup.js";

describe.runIf(browserAvailable)(
  "an applicant signs up and confirms the e-mail address through the outbox",
  () => {
    const bed = useKarvanInBrowser();

    it("keeps typed values on errors, sends a verification link, and lets the verified applicant in", async () => {
      const page = await bed.newPerson();
      await visit(page, `${bed.karvan.baseUrl}/sign-up?lang=en`);
      await expect(page.locator("h1").textContent()).resolves.toBe("Create an account");

      // A too-short password: the form answers with an error summary and keeps what was typed.
      await page.fill("#fullName", "Maryam Karimi");
      await page.fill("#email", "maryam.karimi@example.org");
      await page.fill("#password", "short");
      await page.fill("#confirmPassword", "short");
      await page.getByRole("button", { name: "Create account" }).click();
      await expectAccessible(page);
      await expect(page.locator(".govuk-error-summary").isVisible()).resolves.toBe(true);
      await expect(page.inputValue("#fullName")).resolves.toBe("Maryam Karimi");
      await expect(page.inputValue("#email")).resolves.toBe("maryam.karimi@example.org");
      await expect(page.inputValue("#password")).resolves.toBe("");

      await page.fill("#password", "Caspian-breeze-2026");
      await page.fill("#confirmPassword", "Caspian-breeze-2026");
      await page.getByRole("button", { name: "Create account" }).click();
      await expectAccessible(page);
      await expect(page.locator("h1").textContent()).resolves.toContain("Check your e-mail");

      // Not verified yet: signing in is refused.
      await visit(page, `${bed.karvan.baseUrl}/sign-in`);
      await page.fill("#email", "maryam.karimi@example.org");
      await page.fill("#password", "Caspian-breeze-2026");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expectAccessible(page);
      expect(page.url()).toContain("/sign-in");

      const link = await linkFromOutbox(bed.karvan, "maryam.karimi@example.org");
      expect(link.startsWith(`${bed.karvan.baseUrl}/verify-email?token=`)).toBe(true);
      await visit(page, link);
      await expect(page.locator("h1").textContent()).resolves.toContain("confirmed");

      await visit(page, `${bed.karvan.baseUrl}/sign-in`);
      await page.fill("#email", "maryam.karimi@example.org");
      await page.fill("#password", "Caspian-breeze-2026");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(/\/account/);
      await expectAccessible(page);
      await expect(page.getByTestId("signed-in-user").textContent()).resolves.toBe("Maryam Karimi");

      await page.getByRole("button", { name: "Sign out" }).click();
      await expectAccessible(page);
      await expect(page.getByTestId("signed-in-user").count()).resolves.toBe(0);
    });
  },
);
