import { describe, expect, it } from "vitest";
import { browserAvailable, expectAccessible, visit } from "./support/browser.js";
import { useKarvanInBrowser } from "./support/setup.js";

describe.runIf(browserAvailable)("language switch", () => {
  const bed = useKarvanInBrowser();

  it("shows Azerbaijani by default and switches to English and Russian without JavaScript state", async () => {
    const page = await bed.newPerson();
    await visit(page, `${bed.karvan.baseUrl}/`);
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
    await visit(page, `${bed.karvan.baseUrl}/no-such-page`);
    await expect(page.locator("h1").textContent()).resolves.toBe("Страница не найдена");
  });
});
