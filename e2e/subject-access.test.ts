import { describe, expect, it } from "vitest";
import { demoEmail, demoPassword, findDemoAccountIds } from "../src/demo/index.js";
import type { Principal } from "../src/modules/access/index.js";
import { submittedCase, workspaceSample } from "../src/modules/cases/workspace/workspace-test-bed.js";
import { browserAvailable, expectAccessible, expectFitsPhone, visit } from "./support/browser.js";
import { useKarvanInBrowser } from "./support/setup.js";

/** "Your data", one application in full and the correction form: accessible, on a phone, in every language. */
describe.runIf(browserAvailable)("a person's own data in the browser", () => {
  const bed = useKarvanInBrowser({ caseTypes: [workspaceSample] });

  it("lists, downloads and asks to correct with plain forms, readable on a phone", async () => {
    const { karvan } = bed.karvan;
    const userId = (await findDemoAccountIds(karvan.database.db)).get("applicant") as string;
    const applicant: Principal = {
      userId,
      email: demoEmail("applicant"),
      fullName: "Demo applicant",
      kind: "public",
      agencyId: null,
      roles: ["applicant"],
      permissions: new Set(["portal.apply"]),
      locale: "en",
    };
    const application = await submittedCase(karvan.cases, karvan.config, applicant);

    const page = await bed.newPerson();
    const base = bed.karvan.baseUrl;
    await visit(page, `${base}/sign-in?lang=en`);
    await page.fill("#email", demoEmail("applicant"));
    await page.fill("#password", demoPassword);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/account/);
    await page.getByRole("link", { name: "See and download everything we hold about you" }).click();
    await expect(page.locator("h1").textContent()).resolves.toBe("Your data");

    // Every page in English; the overview in the other languages too (their longer words).
    const pages = [
      "/account/my-data?lang=az",
      "/account/my-data?lang=ru",
      `/account/my-data/cases/${application.id}?lang=ru`,
      `/account/my-data/corrections/new?case=${application.id}&item=answer:fullName&lang=en`,
      "/account/my-data?lang=en",
    ];
    for (const path of pages) {
      await visit(page, `${base}${path}`);
      expect(await page.locator("h1").count()).toBe(1);
      await expectFitsPhone(page);
    }

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download all my data (ZIP)" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^karvan-my-data-\d{4}-\d{2}-\d{2}\.zip$/);

    await visit(page, `${base}/account/my-data/cases/${application.id}?lang=en`);
    await page.locator(`a[href*="item=answer:fullName"]`).click();
    await page.fill("#whatIsWrong", "The name is spelt wrongly");
    await page.fill("#whatIsRight", "Amina Rahimova-Aliyeva");
    await page.getByRole("button", { name: "Send the request" }).click();
    await page.waitForURL(/\/account\/my-data\/corrections\/[0-9a-f-]{36}\?done=sent$/);
    await expectAccessible(page);
    await expectFitsPhone(page);
    await expect(page.locator('[data-testid="correction-sent"]').isVisible()).resolves.toBe(true);
  }, 300_000);
});
