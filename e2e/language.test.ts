import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, expectAccessible, launchBrowser, visit } from "./support/browser.js";
import { type RunningKarvan, startKarvan } from "./support/karvan-server.js";

describe.runIf(browserAvailable)("language switch", () => {
  let karvan: RunningKarvan;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    karvan = await startKarvan();
    browser = await launchBrowser();
    page = await (await browser.newContext()).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await karvan?.stop();
  });

  it("shows Azerbaijani by default and switches to English and Russian without JavaScript state", async () => {
    await visit(page, `${karvan.baseUrl}/`);
    expect(await page.getAttribute("html", "lang")).toBe("az");
    await expect(page.locator("h1").textContent()).resolves.toBe("Miqrasiya xidmətləri");
    await expect(page.getByTestId("demo-banner").isVisible()).resolves.toBe(true);

    await page.getByRole("link", { name: "English" }).click();
    await expectAccessible(page);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    await expect(page.locator("h1").textContent()).resolves.toBe("Migration services");

    await page.getByRole("link", { name: "Русский" }).click();
    await expectAccessible(page);
    expect(await page.getAttribute("html", "lang")).toBe("ru");
    await expect(page.locator("h1").textContent()).resolves.toBe("Миграционные услуги");

    // The choice is kept across pages (cookie), including the 404 page.
    await visit(page, `${karvan.baseUrl}/no-such-page`);
    await expect(page.locator("h1").textContent()).resolves.toBe("Страница не найдена");
  });
});
