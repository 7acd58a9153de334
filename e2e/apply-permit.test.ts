import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { demoEmail, demoPassword } from "../src/demo/index.js";
import { sampleDocuments } from "../src/platform/files/test-documents.js";
import { browserAvailable, expectAccessible, expectFitsPhone, visit } from "./support/browser.js";
import { useKarvanInBrowser } from "./support/setup.js";

/** A date `days` from today, as day, month and year for the GOV.UK date inputs. */
function daysFromNow(days: number): { day: string; month: string; year: string } {
  const date = new Date(Date.now() + days * 24 * 3600 * 1000);
  return {
    day: String(date.getUTCDate()),
    month: String(date.getUTCMonth() + 1),
    year: String(date.getUTCFullYear()),
  };
}

async function fillDate(page: Page, name: string, value: { day: string; month: string; year: string }) {
  await page.fill(`#${name}-day`, value.day);
  await page.fill(`#${name}-month`, value.month);
  await page.fill(`#${name}-year`, value.year);
}

async function saveAndContinue(page: Page) {
  await page.getByRole("button", { name: "Save and continue" }).click();
  await page.waitForLoadState();
  await expectAccessible(page);
  await expectFitsPhone(page);
}

describe.runIf(browserAvailable)("an applicant applies for an extension of stay in the portal", () => {
  const bed = useKarvanInBrowser();

  it("fills in the form, uploads documents, pays with the demo gateway, submits and follows the application", async () => {
    const page = await bed.newPerson();
    const base = bed.karvan.baseUrl;
    await visit(page, `${base}/sign-in?lang=en`);
    await page.fill("#email", demoEmail("applicant"));
    await page.fill("#password", demoPassword);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/account/);

    await page.getByRole("link", { name: "My applications" }).click();
    await expectAccessible(page);
    await expectFitsPhone(page);
    await expect(page.locator("h1").textContent()).resolves.toBe("My applications");
    await page.locator('a[href="/apply/stay-extension"]').click();
    await expectAccessible(page);
    await expectFitsPhone(page);
    await page.getByRole("button", { name: "Start now" }).click();
    await page.waitForURL(/\/pages\/about-you$/);
    await expectAccessible(page);
    const formUrl = page.url();

    // A page sent empty answers with an error summary, itself accessible: each message names its
    // question, and a screen reader hears "Error:" in the page's language before it.
    await saveAndContinue(page);
    await expect(page.locator(".govuk-error-summary").isVisible()).resolves.toBe(true);
    await expect(page.locator(".govuk-error-summary").textContent()).resolves.toContain(
      "Enter your full name, as in your passport",
    );
    await expect(page.locator("#fullName-error").textContent()).resolves.toMatch(
      /^\s*Error: Enter your full name/,
    );
    await visit(page, `${formUrl}?lang=ru`);
    await page.locator('.govuk-button[name="action"][value="continue"]').click();
    await page.waitForLoadState();
    await expectAccessible(page);
    await expect(page.locator("#fullName-error .govuk-visually-hidden").textContent()).resolves.toBe(
      "Ошибка:",
    );
    await expect(page.locator(".govuk-error-summary").textContent()).resolves.toContain("Заполните поле «");
    await visit(page, `${formUrl}?lang=en`);
    // The passport's machine-readable zone fills the questions: a wrong check digit is named first.
    const zone = "P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<\nC01X00T478D<<6408125F2702283<<<<<<<<<<<<<<<4";
    await page.fill("#mrz-fill", zone.replace("6408125F", "6408126F"));
    await page.getByRole("button", { name: "Fill in" }).click();
    await page.waitForLoadState();
    await expectAccessible(page);
    await expect(page.locator("#mrz-fill-error").textContent()).resolves.toContain(
      "check digit of the date of birth",
    );
    await page.fill("#mrz-fill", zone);
    await page.getByRole("button", { name: "Fill in" }).click();
    await page.waitForLoadState();
    await expectAccessible(page);
    await expectFitsPhone(page);
    await expect(page.inputValue("#fullName")).resolves.toBe("Erika Mustermann");
    await expect(page.inputValue("#citizenship")).resolves.toBe("DE");
    await expect(page.inputValue("#birthDate-year")).resolves.toBe("1964");
    await page.fill("#fullName", "Maryam Karimi");
    await fillDate(page, "birthDate", { day: "14", month: "9", year: "1992" });
    await page.selectOption("#citizenship", "IR");
    await page.fill("#passportNumber", "K12345678");
    await saveAndContinue(page);
    expect(page.url()).toMatch(/\/pages\/stay$/);
    // The draft's task list, and back to the page to fill in.
    await page.getByRole("link", { name: "See all sections of the application" }).click();
    await expectAccessible(page);
    await expectFitsPhone(page);
    await expect(page.getByTestId("task-list").textContent()).resolves.toContain("Completed");
    await page.getByRole("link", { name: "Your stay" }).click();
    await page.waitForURL(/\/pages\/stay$/);

    await fillDate(page, "currentStayEnds", daysFromNow(10));
    await fillDate(page, "extendUntil", daysFromNow(70));
    await page.getByLabel("Business").check();
    await saveAndContinue(page);
    expect(page.url()).toMatch(/\/documents$/);

    for (const [code, name, mimeType, buffer] of [
      ["passport", "passport.pdf", "application/pdf", sampleDocuments.pdf],
      ["reason-evidence", "invitation.png", "image/png", sampleDocuments.png],
    ] as const) {
      await page.selectOption("#code", code);
      await page.setInputFiles("#file", { name, mimeType, buffer });
      await page.getByRole("button", { name: "Upload" }).click();
      await page.waitForURL(/done=uploaded/);
      await expectAccessible(page);
    }
    await expect(page.getByTestId("attached-documents").textContent()).resolves.toContain("invitation.png");
    await expectFitsPhone(page);

    // Check your answers first, then pay, then submit (the GOV.UK order).
    await page.getByRole("button", { name: "Continue" }).click();
    await page.waitForURL(/\/check$/);
    await expectAccessible(page);
    await expectFitsPhone(page);
    await expect(page.locator("main").textContent()).resolves.toContain("Maryam Karimi");
    await expect(page.getByRole("button", { name: "Submit application" }).count()).resolves.toBe(0);
    await page.getByRole("button", { name: "Accept and continue to payment" }).click();
    await page.waitForURL(/\/fee$/);
    await expectAccessible(page);
    await expectFitsPhone(page);
    await expect(page.getByTestId("demo-payment-warning").isVisible()).resolves.toBe(true);

    await page.getByRole("button", { name: "Continue to payment" }).click();
    await page.waitForURL(/\/demo\/pay\//);
    await expectAccessible(page);
    await page.getByTestId("demo-pay").click();
    await page.waitForURL(/\/check\?done=paid$/);
    await expectAccessible(page);
    await expect(page.getByTestId("check-notice").isVisible()).resolves.toBe(true);

    await page.getByRole("button", { name: "Submit application" }).click();
    await page.waitForURL(/\/receipt$/);
    await expectAccessible(page);
    await expectFitsPhone(page);
    const number = await page.getByTestId("case-number").textContent();
    expect(number).toMatch(/^[A-Z]{2,5}-\d{4}-\d{6}$/);

    await page.getByRole("link", { name: "Follow your application" }).click();
    await expectAccessible(page);
    await expectFitsPhone(page);
    await expect(page.getByTestId("case-summary").textContent()).resolves.toContain(number as string);
    await expect(page.getByTestId("timeline").textContent()).resolves.toContain("Application submitted");

    await page.fill("#message", "I can come to an interview on any weekday.");
    await page.getByRole("button", { name: "Send message" }).click();
    await page.waitForURL(/done=messageSent/);
    await expectAccessible(page);
    await expectFitsPhone(page);
    await expect(page.getByTestId("timeline").textContent()).resolves.toContain("any weekday");

    await visit(page, `${base}/applications`);
    await expect(page.getByTestId("submitted-applications").textContent()).resolves.toContain(
      number as string,
    );
  });

  it("shows a host the guest list import, the problems of a wrong file by line, then registers a corrected one", async () => {
    const page = await bed.newPerson();
    const base = bed.karvan.baseUrl;
    await visit(page, `${base}/sign-in?lang=en`);
    await page.fill("#email", demoEmail("host_employer"));
    await page.fill("#password", demoPassword);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/account/);
    await visit(page, `${base}/applications`);
    await page.getByRole("link", { name: "Register several guests at once from a CSV file" }).click();
    await expectAccessible(page);
    await expectFitsPhone(page);
    await page.setInputFiles("#guests", {
      name: "guests.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("guestFullName,guestBirthDate\nMehmet Yilmaz,31.02.1990\n", "utf8"),
    });
    await page.getByRole("button", { name: "Register the guests" }).click();
    await page.waitForLoadState();
    await expectAccessible(page);
    await expectFitsPhone(page);
    await expect(page.getByTestId("csv-problems").textContent()).resolves.toContain(
      "This column is required",
    );

    // The corrected file, with every required column, registers both guests at once.
    const isoDate = (days: number) =>
      new Date(Date.now() + days * 24 * 3600 * 1000).toISOString().slice(0, 10);
    const csv = [
      "guestFullName,guestBirthDate,guestCitizenship,guestPassportNumber,arrivalDate,departureDate,accommodation,hostName,stayAddress.street,stayAddress.city,stayAddress.region,stayAddress.postcode",
      `Mehmet Yilmaz,12.04.1987,TR,U12345678,${isoDate(-3)},${isoDate(20)},hotel,"Caspian Pearl Hotel, Baku",Neftchilar avenue 12,Baku,AZ-BA,AZ1000`,
      `Ayşe Demir,1990-11-02,TR,U87654321,${isoDate(-2)},${isoDate(10)},hotel,"Caspian Pearl Hotel, Baku",Neftchilar avenue 12,Baku,AZ-BA,AZ1000`,
    ].join("\n");
    await page.setInputFiles("#guests", {
      name: "guests.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`${csv}\n`, "utf8"),
    });
    await page.getByRole("button", { name: "Register the guests" }).click();
    await page.waitForLoadState();
    await expectAccessible(page);
    await expectFitsPhone(page);
    await expect(page.getByTestId("guests-registered").textContent()).resolves.toContain("Registrations: 2");
    await expect(page.getByTestId("registered-guests").textContent()).resolves.toContain("Ayşe Demir");
    // Each link reads "REG-… (guest's name)" to a screen reader; its visible text is the number.
    const numbers = (await page.getByTestId("registered-guests").locator("tbody a").allTextContents()).map(
      (text) => text.split(" ")[0] ?? "",
    );
    expect(numbers).toHaveLength(2);
    for (const number of numbers) expect(number).toMatch(/^REG-\d{4}-\d{6}$/);
    expect(new Set(numbers).size).toBe(2);

    await page.getByRole("link", { name: "See all your applications" }).click();
    await page.waitForURL(/\/applications$/);
    await expectAccessible(page);
    await expectFitsPhone(page);
    const submitted = (await page.getByTestId("submitted-applications").textContent()) ?? "";
    for (const number of numbers) expect(submitted).toContain(number);
    expect(submitted).toContain("Mehmet Yilmaz");

    // A registration is decided at once: its page says so and offers the registration confirmation.
    await page.getByRole("link", { name: numbers[0] as string, exact: true }).click();
    await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
    await expectAccessible(page);
    await expectFitsPhone(page);
    await expect(page.getByTestId("decided-on-submission").isVisible()).resolves.toBe(true);
    await expect(page.getByTestId("decision").textContent()).resolves.toContain("Registration confirmation");

    // One guest by the form: the stay's region is one pick list of named regions, filled in from
    // the host's last registration.
    await visit(page, `${base}/apply/stay-registration`);
    await page.getByRole("button", { name: "Start now" }).click();
    await page.waitForURL(/\/pages\//);
    await visit(page, page.url().replace(/\/pages\/.*$/, "/pages/stay"));
    await expectFitsPhone(page);
    await expect(page.locator('[name$="egion"]').count()).resolves.toBe(1);
    const region = page.getByLabel("Region (optional)");
    await expect(region.locator("option").count()).resolves.toBe(79);
    await expect(region.inputValue()).resolves.toBe("AZ-BA");
    await expect(region.locator("option:checked").textContent()).resolves.toBe("Baku");
  });
});
