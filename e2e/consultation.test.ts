import { describe, expect, it } from "vitest";
import { seedDemoConsultation } from "../src/demo/index.js";
import { systemClock } from "../src/platform/clock/index.js";
import { browserAvailable, expectAccessible, expectFitsPhone, visit } from "./support/browser.js";
import { linkFromOutbox, signInAsDemoStaff } from "./support/journeys.js";
import { useKarvanInBrowser } from "./support/setup.js";

/**
 * Public consultation on a draft: a visitor without an account reads the demo draft (in another
 * language too), comments, confirms the comment through the e-mailed link; a policy officer
 * publishes and answers it; the visitor reads the answer under the comment.
 */
describe.runIf(browserAvailable)("public consultation in the browser", () => {
  const bed = useKarvanInBrowser();

  it("takes a comment confirmed by e-mail, and shows it with the officer's answer", async () => {
    await seedDemoConsultation(bed.karvan.karvan.database.db, systemClock);
    const visitor = await bed.newPerson();
    await visit(visitor, `${bed.karvan.baseUrl}/consultations?lang=en`);
    await visitor.getByRole("link", { name: /Rules on registration at the place of stay/ }).click();
    await expectAccessible(visitor);
    await expectFitsPhone(visitor);
    await visitor.getByRole("link", { name: "Русский" }).click();
    await expect(visitor.locator("h1").textContent()).resolves.toContain("Правила регистрации");
    await visitor.getByRole("link", { name: "English" }).click();

    await visitor.fill("#name", "Nigar Huseynova");
    await visitor.selectOption("#sectionCode", "3");
    await visitor.fill("#comment", "Say where the registration certificate can be printed.");
    await visitor.getByRole("button", { name: "Send the comment" }).click();
    // No address: the form says so at the field and keeps the comment.
    await expect(visitor.locator(".govuk-error-summary a[href='#email']").count()).resolves.toBe(1);
    await expect(visitor.inputValue("#comment")).resolves.toBe(
      "Say where the registration certificate can be printed.",
    );
    await expectAccessible(visitor);
    await visitor.fill("#email", "nigar@example.org");
    await visitor.getByRole("button", { name: "Send the comment" }).click();
    await expect(visitor.locator("#comment-sent").textContent()).resolves.toContain("Open the link");
    await expectAccessible(visitor);
    const consultationUrl = visitor.url().split("?")[0] as string;
    await visit(visitor, await linkFromOutbox(bed.karvan, "nigar@example.org"));
    await expect(visitor.locator("h1").textContent()).resolves.toBe("Your comment is confirmed");

    const codes = new Set<string>();
    const officer = await bed.newPerson();
    await signInAsDemoStaff(officer, bed.karvan, "policy_officer", codes);
    await officer.getByRole("link", { name: "Consultations" }).first().click();
    await officer.getByRole("link", { name: /Rules on registration/ }).click();
    await expectAccessible(officer);
    const comment = officer.getByTestId("moderated-comment").filter({ hasText: "registration certificate" });
    await comment.getByLabel("Publish").check();
    await comment.getByRole("button", { name: "Record" }).click();
    await expect(officer.locator(".govuk-notification-banner").textContent()).resolves.toContain("published");
    const published = officer
      .getByTestId("moderated-comment")
      .filter({ hasText: "registration certificate" });
    await published.getByLabel("Answer (shown under the comment)").fill("At any service centre, and online.");
    await published.getByRole("button", { name: "Publish the answer" }).click();
    await expectAccessible(officer);
    await expectFitsPhone(officer);

    await visit(visitor, consultationUrl);
    const shown = visitor
      .getByTestId("published-comments")
      .locator("li")
      .filter({ hasText: "registration certificate" });
    await expect(shown.getByTestId("comment-answer").textContent()).resolves.toBe(
      "At any service centre, and online.",
    );
  });
});
