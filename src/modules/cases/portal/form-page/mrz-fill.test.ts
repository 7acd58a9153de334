import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../../test/support/test-app.js";
import type { TestClient } from "../../../../../test/support/test-client.js";
import { ManualClock } from "../../../../platform/clock/index.js";
import { type CaseTypeInput, defineCaseType } from "../../definition/case-type.js";
import { loadCaseState } from "../../engine/projection-repository.js";
import { hiddenValue, location, portalSample, signInNewApplicant } from "../portal-test-bed.js";

const clock = new ManualClock("2026-02-02T06:00:00Z");
let app: TestApp;

const [aboutYou, ...otherPages] = portalSample.form as CaseTypeInput["form"];

/** The portal's sample permit whose "about you" page fills from a passport's machine-readable zone. */
const mrzSample = defineCaseType({
  ...portalSample,
  code: "mrz-sample",
  numberPrefix: "MRZ",
  form: [
    {
      ...(aboutYou as CaseTypeInput["form"][number]),
      mrzFill: {
        fullName: "fullName",
        birthDate: "birthDate",
        nationality: "citizenship",
        documentNumber: "passportNumber",
      },
    },
    ...otherPages,
  ],
});

// ICAO Doc 9303 specimen (Utopia: a nationality no country list has) and a German passport (`D<<`).
const specimen = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";
const german = "P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<\nC01X00T478D<<6408125F2702283<<<<<<<<<<<<<<<4";
const shown = ["fullName", "birthDate", "citizenship", "email", "passportNumber"];

beforeAll(async () => {
  app = await createTestApp({ clock, caseTypes: [mrzSample] });
});
afterAll(async () => {
  await app.close();
});

async function newApplication(email: string): Promise<{ client: TestClient; caseId: string }> {
  const { browser } = await signInNewApplicant(app.karvan.database.db, clock, app.client(), email);
  const started = await browser.post("/apply/mrz-sample");
  const caseId = /\/applications\/([0-9a-f-]{36})\//.exec(location(started))?.[1];
  if (!caseId) throw new Error(`no application in ${location(started)}`);
  return { client: browser, caseId };
}

/** The value shown in the input named `name`. */
function shownValue(page: LightMyRequestResponse, name: string): string | undefined {
  return new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(page.body)?.[1];
}

function selectedCountry(page: LightMyRequestResponse): string | undefined {
  const select = /<select[^>]*name="citizenship"[\s\S]*?<\/select>/.exec(page.body)?.[0] ?? "";
  return /<option value="([A-Z]{2})" selected>/.exec(select)?.[1];
}

describe("the form page filled from a passport's machine-readable zone", () => {
  it("offers the zone above the questions it fills, Enter still saving the page", async () => {
    const { client, caseId } = await newApplication("zone-offer@example.org");
    const page = await client.get(`/applications/${caseId}/pages/about-you`);
    expect(page.statusCode).toBe(200);
    const zone = page.body.indexOf('data-testid="mrz-fill"');
    expect(zone).toBeGreaterThan(-1);
    expect(zone).toBeLessThan(page.body.indexOf('name="fullName"'));
    expect(page.body).toContain('name="_mrz"');
    expect(page.body).toContain("Read from the passport&#39;s machine-readable zone");
    // The form's first button, pressed by Enter, saves the page rather than fill it.
    const firstButton = /<button[^>]*name="action" value="([a-z]+)"/.exec(page.body)?.[1];
    expect(firstButton).toBe("continue");
    // A page whose questions the zone does not fill has no box.
    const ground = await client.get(`/applications/${caseId}/pages/ground`);
    expect(ground.body).not.toContain('data-testid="mrz-fill"');
  });

  it("fills the questions from the zone, keeps what was typed in the others and saves nothing until the page is saved", async () => {
    const { client, caseId } = await newApplication("zone-fill@example.org");
    const page = await client.get(`/applications/${caseId}/pages/about-you`);
    const typed = {
      expectedSeq: hiddenValue(page.body, "expectedSeq"),
      _shown: shown,
      fullName: "Anna",
      citizenship: "SE",
      email: "anna@example.org",
      _mrz: specimen,
    };
    const filled = await client.post(`/applications/${caseId}/pages/about-you`, { ...typed, action: "mrz" });
    expect(filled.statusCode).toBe(200);
    expect(shownValue(filled, "fullName")).toBe("Anna Maria Eriksson");
    expect(shownValue(filled, "passportNumber")).toBe("L898902C3");
    expect(shownValue(filled, "birthDate-day")).toBe("12");
    expect(shownValue(filled, "birthDate-month")).toBe("8");
    expect(shownValue(filled, "birthDate-year")).toBe("1974");
    expect(shownValue(filled, "email")).toBe("anna@example.org");
    // UTO is no country: the citizenship typed stays, and the notice says why it was not filled.
    expect(selectedCountry(filled)).toBe("SE");
    expect(filled.body).toContain('data-testid="mrz-filled-notice"');
    expect(filled.body).toContain("The nationality code UTO in the zone is not a country on the list");
    expect(filled.body).toContain("P&lt;UTOERIKSSON");
    expect((await loadCaseState(app.karvan.database.db, caseId))?.answers).not.toHaveProperty("fullName");

    const saved = await client.post(`/applications/${caseId}/pages/about-you`, {
      expectedSeq: hiddenValue(filled.body, "expectedSeq"),
      _shown: shown,
      _mrz: specimen,
      fullName: shownValue(filled, "fullName") as string,
      "birthDate-day": "12",
      "birthDate-month": "8",
      "birthDate-year": "1974",
      citizenship: "SE",
      email: "anna@example.org",
      passportNumber: "L898902C3",
    });
    expect(saved.statusCode).toBe(303);
    expect((await loadCaseState(app.karvan.database.db, caseId))?.answers).toMatchObject({
      fullName: "Anna Maria Eriksson",
      birthDate: "1974-08-12",
      citizenship: "SE",
      passportNumber: "L898902C3",
    });
  });

  it("turns the nationality of a German passport (D<<) into Germany on the country list", async () => {
    const { client, caseId } = await newApplication("zone-german@example.org");
    const page = await client.get(`/applications/${caseId}/pages/about-you`);
    const filled = await client.post(`/applications/${caseId}/pages/about-you`, {
      expectedSeq: hiddenValue(page.body, "expectedSeq"),
      _shown: shown,
      _mrz: german,
      action: "mrz",
    });
    expect(filled.statusCode).toBe(200);
    expect(selectedCountry(filled)).toBe("DE");
    expect(shownValue(filled, "fullName")).toBe("Erika Mustermann");
    expect(filled.body).not.toContain("is not a country on the list");
  });

  it("refuses a zone whose check digit fails, naming it on the zone's box and in the summary, with the typed values kept", async () => {
    const { client, caseId } = await newApplication("zone-broken@example.org");
    const page = await client.get(`/applications/${caseId}/pages/about-you`);
    const brokenBirthDate = specimen.replace("7408122F", "7408123F");
    const refused = await client.post(`/applications/${caseId}/pages/about-you`, {
      expectedSeq: hiddenValue(page.body, "expectedSeq"),
      _shown: shown,
      fullName: "Anna Eriksson",
      email: "anna@example.org",
      _mrz: brokenBirthDate,
      action: "mrz",
    });
    expect(refused.statusCode).toBe(422);
    const message = "The check digit of the date of birth in the machine-readable zone does not match";
    const summary = /govuk-error-summary[\s\S]*?<\/ul>/.exec(refused.body)?.[0] ?? "";
    expect(summary).toContain('href="#mrz-fill"');
    expect(summary).toContain(message);
    expect(refused.body).toMatch(/id="mrz-fill-error"[\s\S]*?date of birth in the machine-readable zone/);
    expect(refused.body).toContain("govuk-textarea--error");
    expect(refused.body).toContain("7408123F");
    expect(shownValue(refused, "fullName")).toBe("Anna Eriksson");
    expect(shownValue(refused, "email")).toBe("anna@example.org");
    expect(shownValue(refused, "passportNumber")).toBe("");

    const empty = await client.post(`/applications/${caseId}/pages/about-you`, {
      expectedSeq: hiddenValue(refused.body, "expectedSeq"),
      _shown: shown,
      action: "mrz",
    });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain("Enter the machine-readable zone as printed on the document");
  });

  it("answers 400 to a fill on a page that declares none", async () => {
    const { client, caseId } = await newApplication("zone-elsewhere@example.org");
    const page = await client.get(`/applications/${caseId}/pages/ground`);
    const refused = await client.post(`/applications/${caseId}/pages/ground`, {
      expectedSeq: hiddenValue(page.body, "expectedSeq"),
      _shown: "ground",
      _mrz: specimen,
      action: "mrz",
    });
    expect(refused.statusCode).toBe(400);
  });
});
