import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { type CaseState, defineCaseType } from "../src/modules/cases/index.js";
import {
  newApplicant,
  submittedCase,
  workspaceSample,
} from "../src/modules/cases/workspace/workspace-test-bed.js";
import {
  registerCasePersons,
  registerOccurrence,
  registerThresholdsOf,
} from "../src/modules/people/index.js";
import { anyOf, queryRows } from "../src/platform/db/index.js";
import { browserAvailable, expectAccessible, expectFitsPhone } from "./support/browser.js";
import { signInAsDemoStaff } from "./support/journeys.js";
import { type BrowserTestBed, useKarvanInBrowser } from "./support/setup.js";

/** The workspace's sample permit, declaring its applicant for the person register as every procedure does. */
const registeredSample = defineCaseType({
  ...workspaceSample,
  persons: [
    {
      role: "applicant",
      fullName: "fullName",
      birthDate: "birthDate",
      citizenship: "citizenship",
      document: { number: "passportNumber", type: "passport" },
    },
  ],
});

/** Checks a page the officer reached: accessible (axe) and readable on a 375 px phone. */
async function checkPage(page: Page) {
  await expectAccessible(page);
  await expectFitsPhone(page);
}

/**
 * Two applications of one man, submitted and entered in the register: the first as a new person,
 * the second (Russian spelling, a new passport, a mistyped birth date) waiting for an officer.
 */
async function twoApplicationsOfOneMan(bed: BrowserTestBed): Promise<CaseState[]> {
  const karvan = bed.karvan.karvan;
  const applicant = await newApplicant(karvan.database.db, karvan.clock, "elvin.e2e@example.org", "Elvin M");
  const answers = [
    { fullName: "Elvin Məmmədov", birthDate: "1990-05-01", citizenship: "TR", passportNumber: "U1234567" },
    { fullName: "Эльвин Мамедов", birthDate: "1990-05-07", citizenship: "TR", passportNumber: "P7654321" },
  ];
  const cases: CaseState[] = [];
  for (const one of answers) {
    const state = await submittedCase(karvan.cases, karvan.config, applicant, one);
    // The test bed submits through a case context of its own, which lacks the register's hook:
    // this is the call the composition root's hook makes in the submission's transaction.
    await registerCasePersons(
      karvan.database.db,
      {
        caseId: state.id,
        definition: karvan.cases.registry.get(state.typeCode, state.typeVersion),
        answers: state.answers,
      },
      { thresholds: registerThresholdsOf(karvan.config) },
    );
    cases.push(state);
  }
  // The first applicant entered the register as a new person; the second waits for an officer.
  const entered = await queryRows<{ case_id: string; how: string }>(
    karvan.database.db,
    sql`select case_id, how from people_case_links where case_id = ${anyOf(
      cases.map((one) => one.id),
      "uuid",
    )}`,
  );
  expect(entered).toEqual([{ case_id: cases[0]?.id, how: "new" }]);
  const reviews = await queryRows<{ status: string }>(
    karvan.database.db,
    sql`select status from people_review_items where case_id = ${cases[1]?.id as string}::uuid`,
  );
  expect(reviews).toEqual([{ status: "open" }]);
  return cases;
}

/** Two entries of one woman from two imported records, left to an officer by batch deduplication. */
async function possibleDuplicatePair(bed: BrowserTestBed): Promise<void> {
  const db = bed.karvan.karvan.database.db;
  const batchId = randomUUID();
  const options = { thresholds: { link: 1000, review: 1000 } };
  const born = { birthDate: "1985-03-02", sex: "F" };
  const first = await registerOccurrence(
    db,
    { givenNames: "Gülnarə", familyName: "Əliyeva", ...born },
    { kind: "import", batchId, importPersonId: "E2E-1" },
    options,
  );
  const second = await registerOccurrence(
    db,
    { fullName: "Гюльнара Алиева", ...born },
    { kind: "import", batchId, importPersonId: "E2E-2" },
    options,
  );
  const fields = JSON.stringify([{ field: "date of birth", agreement: "exact", weight: 10.8 }]);
  await queryRows(
    db,
    sql`insert into people_duplicate_reviews (id, person_id, other_person_id, score, fields, status, created_at)
      values (${randomUUID()}, ${first.personId}, ${second.personId}, 13.2, ${fields}::jsonb, 'open', now())`,
  );
}

/**
 * The register officer's side of an undecided match: the queue, the comparison, the confirmation,
 * and the person page that then lists both applications, each page checked with axe and on a
 * phone's width. The pages are forms and links only; their route tests run them without a browser.
 */
describe.runIf(browserAvailable)("an officer decides a match of the person register", () => {
  const bed = useKarvanInBrowser({ caseTypes: [registeredSample] });
  const usedCodes = new Set<string>();

  it("compares a submitted application with the registered person, links them, sees both cases, and merges a duplicate pair", async () => {
    const cases = await twoApplicationsOfOneMan(bed);

    const officer = await bed.newPerson();
    await signInAsDemoStaff(officer, bed.karvan, "register_officer", usedCodes);
    await officer
      .getByRole("navigation", { name: "Main menu" })
      .getByRole("link", { name: "Person register" })
      .click();
    await officer.waitForURL(/\/people\/review$/);
    await checkPage(officer);
    await officer
      .getByTestId("review-table")
      .getByRole("link", { name: /Эльвин Мамедов/ })
      .click();
    await officer.waitForURL(/\/people\/review\/[0-9a-f-]{36}$/);
    await checkPage(officer);
    await expect(officer.getByTestId("comparison-1").textContent()).resolves.toContain("one digit different");

    await officer.getByRole("button", { name: "Continue" }).click();
    await expect(officer.locator(".govuk-error-summary").textContent()).resolves.toContain(
      "Choose a candidate",
    );
    await checkPage(officer);
    await officer.getByLabel(/Same person as candidate 1/).check();
    await officer.getByRole("button", { name: "Continue" }).click();
    await expect(officer.locator("h1").textContent()).resolves.toBe("Check your decision");
    await checkPage(officer);
    await officer.getByRole("button", { name: "Confirm and link" }).click();
    await officer.waitForURL(/\/people\/persons\/[0-9a-f-]{36}$/);
    await checkPage(officer);
    const casesShown = (await officer.getByTestId("person-cases").textContent()) ?? "";
    for (const state of cases) expect(casesShown).toContain(state.number);
    await expect(officer.getByTestId("person-names").textContent()).resolves.toContain("Эльвин Мамедов");

    for (const [lang, heading] of [
      ["az", "Adlar"],
      ["ru", "Имена"],
    ] as const) {
      await officer.goto(`${officer.url()}?lang=${lang}`);
      await expect(officer.locator("html").getAttribute("lang")).resolves.toBe(lang);
      await expect(officer.getByRole("heading", { name: heading, exact: true }).count()).resolves.toBe(1);
      await checkPage(officer);
    }

    // A pair left by batch deduplication: both entries side by side, merged once confirmed.
    await possibleDuplicatePair(bed);
    await officer.goto(`${bed.karvan.baseUrl}/people/review?lang=en`);
    await officer
      .getByRole("navigation", { name: "Person register" })
      .getByRole("link", { name: "Possible duplicates" })
      .click();
    await officer.waitForURL(/\/people\/duplicates$/);
    await checkPage(officer);
    await officer
      .getByTestId("duplicates-table")
      .getByRole("link", { name: /Gülnarə Əliyeva/ })
      .click();
    await officer.waitForURL(/\/people\/duplicates\/[0-9a-f-]{36}$/);
    await checkPage(officer);
    await officer.getByLabel(/One person: merge/).check();
    await officer.getByRole("button", { name: "Continue" }).click();
    await checkPage(officer);
    await officer.getByRole("button", { name: "Confirm and merge" }).click();
    await officer.waitForURL(/\/people\/persons\/[0-9a-f-]{36}$/);
    await expect(officer.getByTestId("person-names").textContent()).resolves.toContain("Гюльнара Алиева");
    await officer.context().close();
  });
});
