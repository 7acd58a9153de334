import { describe, expect, it } from "vitest";
import {
  type CasesContext,
  saveAnswers,
  startApplication,
  submitApplication,
} from "../src/modules/cases/index.js";
import { browserAvailable, expectFitsPhone, visit } from "./support/browser.js";
import { signInAsDemoStaff } from "./support/journeys.js";
import { useKarvanInBrowser } from "./support/setup.js";

const day = (fromToday: number) => new Date(Date.now() + fromToday * 86_400_000).toISOString().slice(0, 10);

/** A host registers a guest who matches the entry: the registration waits on a hold. */
async function heldRegistration(cases: {
  systemContext(): Omit<CasesContext, "principal">;
}): Promise<string> {
  const context: CasesContext = {
    ...cases.systemContext(),
    principal: {
      userId: "00000000-0000-4000-8000-00000000e2e8",
      email: "reception@example.org",
      fullName: "Reception",
      kind: "public",
      agencyId: null,
      roles: ["host_employer"],
      permissions: new Set(["portal.apply", "portal.register_guests"]),
      locale: "en",
    },
  };
  let draft = await startApplication(context, "stay-registration");
  draft = await saveAnswers(context, draft.id, draft.lastSeq, "guest", {
    guestFullName: "Məmmədov Elvin",
    guestBirthDate: "1990-05-01",
    guestCitizenship: "RU",
    guestPassportNumber: "C76543210",
  });
  draft = await saveAnswers(context, draft.id, draft.lastSeq, "stay", {
    arrivalDate: day(-1),
    departureDate: day(20),
    accommodation: "hotel",
    hostName: "Caspian Hotel",
    stayAddress: { street: "Neftçilər prospekti 1", city: "Bakı", region: "AZ-BA", postcode: "AZ1000" },
  });
  const submitted = await submitApplication(context, draft.id);
  return submitted.id;
}

/** The watch-list officer's pages, checked with axe and on a phone's width, in every language. */
describe.runIf(browserAvailable)("watch lists and holds", () => {
  const bed = useKarvanInBrowser();

  it("adds an entry, finds the hold it makes and shows the comparison, readable on a phone", async () => {
    const page = await bed.newPerson();
    await signInAsDemoStaff(page, bed.karvan, "watch_list_officer", new Set());
    await page.getByRole("link", { name: "Watch lists" }).first().click();
    await page.getByRole("link", { name: "Add an entry" }).click();
    await expect(page.locator("h1").textContent()).resolves.toBe("Add a watch-list entry");
    await page.getByLabel("Entry ban").check();
    await page.fill("#names", "Мамедов Эльвин");
    await page.fill("#birthDate", "1990-05-01");
    await page.fill("#legalBasis", "Migration Code, article 16");
    await page.fill("#issuingAuthority", "State Border Service");
    await page.fill("#validFrom", day(-30));
    await page.getByRole("button", { name: "Add the entry" }).click();
    await page.waitForURL(/\/watch-list\?done=added/);
    await expect(page.getByTestId("entries").textContent()).resolves.toContain("Мамедов Эльвин");
    const caseId = await heldRegistration(bed.karvan.karvan.cases);
    await visit(page, `${bed.karvan.baseUrl}/holds`);
    await page.locator(`a[href="/holds/${caseId}"]`).click();
    await expect(page.getByTestId("comparison").textContent()).resolves.toContain("Məmmədov Elvin");
    // Every page in the state language; the others on the first page (the strings of all three are
    // checked for completeness by the translation tests).
    const pages = ["/watch-list", "/watch-list/new", "/watch-list/import", "/holds", `/holds/${caseId}`];
    const visits = [
      ...pages.map((path) => ({ path, lang: "az" })),
      { path: "/watch-list", lang: "ru" },
      { path: "/watch-list", lang: "en" },
    ];
    for (const { path, lang } of visits) {
      await visit(page, `${bed.karvan.baseUrl}${path}?lang=${lang}`);
      expect(await page.locator("h1").count()).toBe(1);
      await expectFitsPhone(page);
    }
  });
});
