import fc from "fast-check";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CaseTypeDefinition } from "../src/modules/cases/index.js";
import { answersToValues } from "../src/modules/cases/portal/form-values.js";
import { signInNewApplicant } from "../src/modules/cases/portal/portal-test-bed.js";
import { signInNewStaff } from "../src/modules/cases/workspace/workspace-test-bed.js";
import { ManualClock } from "../src/platform/clock/index.js";
import { fieldsToSpoil, hostileDate, hostileString, validAnswersOf } from "./support/hostile-values.js";
import { storedAnswerViolations } from "./support/stored-answers.js";
import { createTestApp, type TestApp } from "./support/test-app.js";
import type { TestClient } from "./support/test-client.js";

/**
 * Every form of the site, posted with hostile values by a signed-in host, applicant and officer:
 * never a 5xx, and nothing that breaks the rules of answers reaches the database. The portal's
 * case forms and the guest CSV upload are fuzzed hardest, since they write answers.
 */

const clock = new ManualClock("2026-03-02T08:00:00Z");
const today = "2026-03-02";
let app: TestApp;
let host: TestClient;
let applicant: TestClient;
let officer: TestClient;
/** A draft of each case type the host or the applicant may start, by type code. */
const drafts = new Map<string, { id: string; browser: TestClient }>();

/** Each request from another loopback address, so that rate limits never hide a failure. */
let requestNumber = 0;
async function post(
  browser: TestClient,
  url: string,
  payload: string | Buffer,
  contentType: string,
): Promise<LightMyRequestResponse> {
  requestNumber++;
  const cookies = ["karvan_session", "karvan_csrf", "karvan_lang"]
    .map((name) => [name, browser.cookie(name)])
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}=${value}`)
    .join("; ");
  return app.karvan.server.inject({
    method: "POST",
    url,
    remoteAddress: `127.2.${(requestNumber >> 8) & 255}.${requestNumber & 255}`,
    headers: { cookie: cookies, "content-type": contentType },
    payload,
  });
}

function postForm(browser: TestClient, url: string, fields: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  if (browser.csrfToken) body.append("_csrf", browser.csrfToken);
  for (const [name, value] of Object.entries(fields)) {
    for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
  }
  return post(browser, url, body.toString(), "application/x-www-form-urlencoded");
}

function postCsv(browser: TestClient, csv: string) {
  const boundary = "----KarvanFuzzBoundary";
  const part = (disposition: string, content: string) =>
    `--${boundary}\r\nContent-Disposition: ${disposition}\r\n\r\n${content}\r\n`;
  const payload = Buffer.from(
    part('form-data; name="_csrf"', browser.csrfToken ?? "") +
      part('form-data; name="idempotencyKey"', `fuzz-${requestNumber}`) +
      part('form-data; name="guests"; filename="guests.csv"\r\nContent-Type: text/csv', csv) +
      `--${boundary}--\r\n`,
    "utf8",
  );
  return post(browser, "/applications/guests/csv", payload, `multipart/form-data; boundary=${boundary}`);
}

/** POST routes as Fastify prints them (a tree of path segments), as full paths. */
function postRoutes(): string[] {
  const printed = app.karvan.server.printRoutes({ commonPrefix: false, method: "POST" });
  const stack: string[] = [];
  const paths: string[] = [];
  for (const line of printed.split("\n")) {
    const match = /^([│ ]*)[├└]── (\S+)(?: \(([^)]*)\))?/.exec(line);
    if (!match) continue;
    const depth = (match[1] ?? "").length / 4;
    stack.length = depth;
    const full = `${stack.join("")}${match[2]}`;
    stack.push(match[2] ?? "");
    if (match[3]?.includes("POST")) paths.push(full);
  }
  return paths;
}

beforeAll(async () => {
  app = await createTestApp({ clock });
  const db = app.karvan.database.db;
  ({ browser: host } = await signInNewApplicant(db, clock, app.client(), "desk@caspian-pearl.az", [
    "host_employer",
  ]));
  ({ browser: applicant } = await signInNewApplicant(db, clock, app.client(), "aysel@example.az"));
  ({ browser: officer } = await signInNewStaff(db, clock, app.client(), {
    email: "officer@migration.gov.az",
    fullName: "Case Officer",
    agency: "SMS",
    roles: ["case_officer"],
  }));
  for (const definition of app.karvan.cases.registry.current()) {
    for (const browser of [host, applicant]) {
      await browser.get(`/apply/${definition.code}`);
      const started = await browser.post(`/apply/${definition.code}`);
      const id = /\/applications\/([0-9a-f-]{36})\//.exec(String(started.headers.location))?.[1];
      if (id && !drafts.has(definition.code)) drafts.set(definition.code, { id, browser });
    }
  }
});

afterAll(async () => {
  await app?.close();
});

/** Form inputs as a browser sends them: one value, or the same name repeated. */
const hostileInput = fc.oneof(
  { weight: 6, arbitrary: hostileString() },
  { weight: 3, arbitrary: hostileDate(today) },
  { weight: 1, arbitrary: fc.array(hostileString(), { minLength: 2, maxLength: 3 }) },
);

describe("a guest's answers that break a rule are refused at the field, on the page and in a CSV file", () => {
  it("refuses a departure on 9999-12-31 and a name of zero-width spaces on the form page", async () => {
    const draft = drafts.get("stay-registration");
    if (!draft) throw new Error("no stay registration draft");
    const definition = app.karvan.cases.registry.latest("stay-registration") as CaseTypeDefinition;
    const stay = definition.form.find((page) => page.id === "stay");
    if (!stay) throw new Error("no stay page");
    const values = answersToValues(stay.fields, validAnswersOf(definition, today));
    const response = await postForm(draft.browser, `/applications/${draft.id}/pages/stay`, {
      ...values,
      "departureDate-day": "31",
      "departureDate-month": "12",
      "departureDate-year": "9999",
      hostName: "\u200b\u200b",
    });
    expect(response.statusCode).toBeLessThan(500);
    // Arrival yesterday (2026-03-01): the 90th day of the stay is 2026-05-29.
    expect(response.body).toContain("Planned date of departure: Enter a date on or before 2026-05-29");
    expect(response.body).not.toContain('id="arrivalDate-error"');
    expect(response.body).toContain('href="#departureDate-day"');
    expect(response.body).toContain("only invisible characters");
    const stored = await storedAnswerViolations(app.karvan.database.db, app.karvan.cases.registry, today);
    expect(stored.violations).toEqual([]);
  });

  it("refuses a CSV line with an invisible name and a birth in the year 0, naming line and column", async () => {
    await host.get("/applications/guests/csv");
    const csv = [
      "guestFullName,guestBirthDate,guestCitizenship,guestPassportNumber,arrivalDate,departureDate,accommodation,hostName,stayAddress.street,stayAddress.city",
      "\u200b\u200b,01.01.0000,TR,U55555555,2026-02-27,2026-03-20,hotel,Caspian Pearl Hotel,Neftchilar avenue 12,Baku",
    ].join("\r\n");
    const response = await postCsv(host, `${csv}\r\n`);
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain("guestFullName");
    expect(response.body).toContain("only invisible characters");
    expect(response.body).toContain("guestBirthDate");
    expect(response.body).toContain("1900-01-01");
  });
});

describe("characters no database can store", () => {
  it("refuse any form with 422, naming the field, before it reaches a route", async () => {
    const visitor = app.client();
    visitor.setCookie("karvan_lang", "en");
    await visitor.get("/sign-up");
    const response = await postForm(visitor, "/sign-up", {
      fullName: "Aysel\u0000",
      email: "aysel@example.az",
    });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain("such as a null character: fullName");
  });
});

describe("fuzzing the forms", () => {
  it("starts a draft of every case type to fill in", () => {
    expect([...drafts.keys()]).toEqual(
      expect.arrayContaining(["stay-registration", "work-permit", "temporary-residence-permit"]),
    );
  });

  it("answers every hostile case form page with less than 500, and saves nothing that breaks a rule", async () => {
    const statuses = new Set<number>();
    const pages = [...drafts].flatMap(([code, draft]) => {
      const definition = app.karvan.cases.registry.latest(code) as CaseTypeDefinition;
      const valid = validAnswersOf(definition, today);
      return definition.form.map((page) => ({ draft, page, values: answersToValues(page.fields, valid) }));
    });
    await fc.assert(
      fc.asyncProperty(
        fc
          .constantFrom(...pages)
          .chain((target) =>
            fc
              .tuple(
                fieldsToSpoil(Object.keys(target.values)),
                fc.array(hostileInput, { minLength: 3, maxLength: 3 }),
              )
              .map(([names, inputs]) => ({ target, names, inputs })),
          ),
        async ({ target, names, inputs }) => {
          const fields: Record<string, string | string[]> = { ...target.values };
          names.forEach((name, index) => {
            fields[name] = inputs[index] ?? "";
          });
          const url = `/applications/${target.draft.id}/pages/${target.page.id}`;
          const response = await postForm(target.draft.browser, url, fields);
          statuses.add(response.statusCode);
          expect(response.statusCode, `${url}: ${response.body.slice(0, 200)}`).toBeLessThan(500);
        },
      ),
      { numRuns: 120, seed: 20260302 },
    );
    // Some pages were saved (303 to the next page), others refused with the problems (200 or 422).
    expect(statuses).toContain(303);
    const stored = await storedAnswerViolations(app.karvan.database.db, app.karvan.cases.registry, today);
    expect(stored.violations).toEqual([]);
  }, 120_000);

  it("answers every hostile guest CSV file with less than 500, and registers nobody who breaks a rule", async () => {
    await host.get("/applications/guests/csv");
    const header =
      "guestFullName,guestBirthDate,guestCitizenship,guestPassportNumber,arrivalDate,departureDate,accommodation,hostName,stayAddress.street,stayAddress.city,stayAddress.region,stayAddress.postcode";
    const valid = ["Mehmet Yilmaz", "12.04.1987", "TR", "U12345678", "2026-02-27", "2026-03-20", "hotel"];
    const cell = (value: string) => `"${value.replaceAll('"', '""')}"`;
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            fc.subarray([0, 1, 2, 3, 4, 5, 6], { minLength: 0, maxLength: 2 }),
            fc.array(fc.oneof(hostileString(), hostileDate(today)), { minLength: 2, maxLength: 2 }),
          ),
          { minLength: 1, maxLength: 3 },
        ),
        async (lines) => {
          const csv = [
            header,
            ...lines.map(([columns, values], line) => {
              const cells = [...valid];
              cells[3] = `U${String(12345678 + line + requestNumber * 10)}`;
              columns.forEach((column, index) => {
                cells[column] = values[index] ?? "";
              });
              return [
                ...cells.map(cell),
                cell("Caspian Pearl Hotel"),
                "Neftchilar avenue 12,Baku,AZ-BA,AZ1000",
              ].join(",");
            }),
          ].join("\r\n");
          const response = await postCsv(host, `${csv}\r\n`);
          statuses.add(response.statusCode);
          expect(response.statusCode, response.body.slice(0, 200)).toBeLessThan(500);
        },
      ),
      { numRuns: 25, seed: 20260302 },
    );
    expect(statuses).toContain(200);
    const stored = await storedAnswerViolations(app.karvan.database.db, app.karvan.cases.registry, today);
    expect(stored.violations).toEqual([]);
  }, 120_000);

  it("answers every form of the site, posted with hostile values by anyone, with less than 500", async () => {
    const routes = postRoutes().filter((path) => path !== "/sign-out");
    expect(routes).toEqual(
      expect.arrayContaining(["/sign-up", "/applications/:id/pages/:pageId", "/cases/:id/notes"]),
    );
    const draft = drafts.get("stay-registration");
    const names = ["email", "password", "fullName", "name", "code", "reasons", "message", "text", "comment"];
    const reached = new Map<number, number>();
    for (const path of routes) {
      const url = path
        .replace(":id", draft?.id ?? "00000000-0000-4000-8000-000000000000")
        .replace(/:[a-zA-Z]+/g, "guest");
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(host, applicant, officer),
          fc.dictionary(fc.oneof(fc.constantFrom(...names), hostileString()), hostileInput, { maxKeys: 5 }),
          async (browser, fields) => {
            const response = await postForm(browser, url, fields);
            reached.set(response.statusCode, (reached.get(response.statusCode) ?? 0) + 1);
            expect(response.statusCode, `${path}: ${response.body.slice(0, 200)}`).toBeLessThan(500);
          },
        ),
        { numRuns: 4, seed: 20260302 },
      );
    }
    const stored = await storedAnswerViolations(app.karvan.database.db, app.karvan.cases.registry, today);
    expect(stored.violations).toEqual([]);
  }, 180_000);
});
