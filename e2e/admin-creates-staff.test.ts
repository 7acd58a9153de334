import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserAvailable, expectAccessible, visit } from "./support/browser.js";
import { freshTotpCode, linkFromOutbox, signInAsDemoStaff } from "./support/journeys.js";
import { useKarvanInBrowser } from "./support/setup.js";

describe.runIf(browserAvailable)("an administrator creates a staff user, who then signs in with MFA", () => {
  const bed = useKarvanInBrowser();
  const usedCodes = new Set<string>();

  it("invites a case officer by e-mail; the officer sets a password, enrols an authenticator and reaches the workspace", async () => {
    const admin: Page = await bed.newPerson();
    await signInAsDemoStaff(admin, bed.karvan, "administrator", usedCodes);
    await visit(admin, `${bed.karvan.baseUrl}/admin/users/new`);
    await expect(admin.locator("h1").textContent()).resolves.toBe("Create a staff account");

    // Submitting with missing answers keeps what was typed and points at the fields.
    await admin.fill("#fullName", "Rauf Safarov");
    await admin.getByRole("button", { name: "Create account" }).click();
    await expectAccessible(admin);
    await expect(admin.locator(".govuk-error-summary").isVisible()).resolves.toBe(true);
    await expect(admin.inputValue("#fullName")).resolves.toBe("Rauf Safarov");

    await admin.fill("#email", "rauf.safarov@migration.gov.az");
    await admin.selectOption("#agencyId", { label: "State Migration Service (SMS)" });
    await admin.getByLabel("Case officer", { exact: true }).check();
    await admin.getByLabel("English", { exact: true }).check();
    await admin.getByLabel("Send an invitation by e-mail (recommended)").check();
    await admin.getByRole("button", { name: "Create account" }).click();
    await expectAccessible(admin);
    await expect(admin.getByTestId("done-banner").isVisible()).resolves.toBe(true);

    // The new officer follows the invitation from the outbox.
    const officer: Page = await bed.newPerson();
    const invitation = await linkFromOutbox(bed.karvan, "rauf.safarov@migration.gov.az");
    await visit(officer, invitation);
    await expect(officer.locator("h1").textContent()).resolves.toBe("Choose a new password");
    await officer.fill("#password", "Absheron-sunrise-42");
    await officer.fill("#confirmPassword", "Absheron-sunrise-42");
    await officer.getByRole("button", { name: "Change password" }).click();
    await expectAccessible(officer);

    await visit(officer, `${bed.karvan.baseUrl}/sign-in`);
    await officer.fill("#email", "rauf.safarov@migration.gov.az");
    await officer.fill("#password", "Absheron-sunrise-42");
    await officer.getByRole("button", { name: "Sign in" }).click();
    await expectAccessible(officer);
    await expect(officer.locator("h1").textContent()).resolves.toBe("Set up your authenticator app");
    await expect(officer.getByTestId("mfa-qr-code").isVisible()).resolves.toBe(true);
    const secret = ((await officer.getByTestId("mfa-secret").textContent()) ?? "").replace(/\s+/g, "");
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await officer.fill("#code", await freshTotpCode(secret, usedCodes));
    await officer.getByRole("button", { name: "Confirm" }).or(officer.locator("form button")).first().click();
    await expectAccessible(officer);
    await expect(officer.locator("h1").textContent()).resolves.toBe("Save your recovery codes");
    await officer.getByRole("button", { name: "Continue" }).click();
    await officer.waitForURL(/\/staff/);
    await expectAccessible(officer);
    await expect(officer.getByTestId("signed-in-user").textContent()).resolves.toBe("Rauf Safarov");

    // The administrator sees the new account in the list.
    await visit(admin, `${bed.karvan.baseUrl}/admin/users?q=safarov`);
    await expect(admin.getByRole("link", { name: "Rauf Safarov" }).isVisible()).resolves.toBe(true);
  });
});
