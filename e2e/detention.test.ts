import { sql } from "drizzle-orm";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { currentTotpCode } from "../src/modules/access/index.js";
import { headNoticeDate, latestExtensionEnd } from "../src/modules/enforcement/detention/time-limits.js";
import { sendDetentionAlerts } from "../src/modules/enforcement/index.js";
import type { Clock } from "../src/platform/clock/index.js";
import { queryRows } from "../src/platform/db/index.js";
import { listOutbox } from "../src/platform/mail/index.js";
import { browserAvailable, expectAccessible, expectFitsPhone, visit } from "./support/browser.js";
import { demoTotpSecret } from "./support/journeys.js";
import { useKarvanInBrowser } from "./support/setup.js";

/** The real time moved by whole days: the test jumps to the day before a detention period ends. */
class MovableClock implements Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  /** Moves to 09:00 in Baku (05:00 UTC) of a legal date. */
  moveTo(legalDate: string): void {
    this.offsetMs = Date.parse(`${legalDate}T05:00:00Z`) - Date.now();
  }
}

const clock = new MovableClock();
const headEmail = "head.e2e-dc@example.org";

async function checkPage(page: Page) {
  await expectAccessible(page);
  await expectFitsPhone(page);
}

/** Signs the demo detention officer in, the security code computed on the server's (moved) clock. */
async function signInDetentionOfficer(page: Page, bed: ReturnType<typeof useKarvanInBrowser>) {
  const { email, secret } = await demoTotpSecret(bed.karvan, "detention_officer");
  await page.goto(`${bed.karvan.baseUrl}/sign-in?lang=en`);
  await page.fill("#email", email);
  await page.fill("#password", "Karvan-demo-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("h1").textContent()).resolves.toBe("Enter your security code");
  await page.fill("#code", await currentTotpCode(secret, clock));
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL(/\/staff/);
}

/** Enters the centre through the centres page; its head is alerted in English. */
async function addCentre(page: Page) {
  await page.getByRole("link", { name: "Detention centres" }).first().click();
  await checkPage(page);
  await page.fill("#code", "E2E-DC");
  await page.fill("#nameAz", "Sınaq saxlama mərkəzi");
  await page.fill("#nameEn", "Test detention centre");
  await page.fill("#nameRu", "Тестовый центр содержания");
  await page.fill("#region", "AZ-BA");
  await page.fill("#capacity", "40");
  await page.fill("#headEmail", headEmail);
  await page.getByRole("radio", { name: "English" }).check();
  await page.getByRole("button", { name: "Add the centre" }).click();
  await page.waitForURL(/done=added/);
  await expect(page.getByTestId("centres").textContent()).resolves.toContain("Test detention centre");
}

/** Places a person not yet in the register, found by no search, for the law's whole first period. */
async function placePerson(page: Page, base: string, today: string) {
  await visit(page, `${base}/detention/place`);
  await expectFitsPhone(page);
  await page.fill("#searchName", "Amir Tehrani");
  await page.getByRole("button", { name: "Search the register" }).click();
  await expect(page.getByTestId("none-found").count()).resolves.toBe(1);
  await checkPage(page);
  await page.getByLabel("A person not yet in the register").check();
  await page.fill("#birthDate", "1991-07-14");
  await page.fill("#citizenship", "IR");
  await page.fill("#documentNumber", "X9876543");
  await page.selectOption("#centreId", { label: "Test detention centre (E2E-DC)" });
  await page.fill("#legalBasis", "Migration Code, removal order");
  await page.fill("#orderingAuthority", "Baku Administrative Court");
  await page.fill("#courtDecisionReference", "2(101)-900/2026");
  await page.fill("#startDate", today);
  await page.getByRole("button", { name: "Place in detention" }).click();
  await page.waitForURL(/\/detention\/placements\/[0-9a-f-]{36}\?done=placed$/);
  await checkPage(page);
}

describe.runIf(browserAvailable)("detention register", () => {
  const bed = useKarvanInBrowser({ clock });

  it("places a person, extends once, and alerts the day before the period ends", async () => {
    const base = bed.karvan.baseUrl;
    const detention = bed.karvan.karvan.enforcement.detention;
    const today = detention.calendar.legalDate(clock.now());
    const page = await bed.newPerson();
    await signInDetentionOfficer(page, bed);
    await page
      .getByRole("navigation", { name: "Main menu" })
      .getByRole("link", { name: "Detention" })
      .click();
    await page.waitForURL(/\/detention$/);
    await checkPage(page);

    await addCentre(page);
    await placePerson(page, base, today);
    const placementUrl = page.url().replace(/\?.*$/, "");

    // One extension, as long as the law allows.
    const extendLead = (await page.getByText("An extension recorded now may reach").textContent()) ?? "";
    expect(extendLead).toMatch(/may reach .+ at the latest/);
    const [row] = await queryRows<{ permitted_until: string }>(
      bed.karvan.karvan.database.db,
      sql`select permitted_until::text from detention_placements order by created_at desc limit 1`,
    );
    const newUntil = latestExtensionEnd(detention.law, {
      startDate: today,
      permittedUntil: row?.permitted_until ?? "",
    });
    await page.fill("#newUntil", newUntil);
    await page.fill("#decisionReference", "2(101)-955/2026");
    await page.fill("#decidedBy", "Baku Administrative Court");
    await page.fill("#decidedOn", today);
    await page.setInputFiles("#decisionDocument", {
      name: "extension-decision.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.7\n% the court's extension decision\n%%EOF\n", "latin1"),
    });
    await page.getByRole("button", { name: "Record the extension" }).click();
    await page.waitForURL(/done=extended/);
    await expect(page.getByTestId("extensions").textContent()).resolves.toContain("extension-decision.pdf");
    await checkPage(page);

    // The day before the period ends (in working days): the daily job alerts, the dashboard shows it.
    clock.moveTo(headNoticeDate(detention.law, detention.calendar, newUntil));
    const sent = await sendDetentionAlerts(detention);
    expect(sent.expiring).toBe(1);
    const mail = listOutbox(bed.karvan.outboxDir).find((message) => message.to.includes(headEmail));
    expect(mail?.subject).toContain("Detention period ends on");
    expect(mail?.text).not.toContain("Amir");

    const later = await bed.newPerson();
    await signInDetentionOfficer(later, bed);
    await visit(later, `${base}/detention`);
    await expectFitsPhone(later);
    const expiring = (await later.getByTestId("expiring").textContent()) ?? "";
    expect(expiring).toContain("Amir Tehrani");
    expect(expiring).toContain("Period ends soon");
    expect(expiring).toContain("Sent");
    for (const lang of ["az", "ru"]) {
      await visit(later, `${base}/detention?lang=${lang}`);
      expect(await later.locator("h1").count()).toBe(1);
      await expectFitsPhone(later);
      await visit(later, `${placementUrl}?lang=${lang}`);
      await expectFitsPhone(later);
    }
  });
});
