import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.js";
import type { TestClient } from "../../../../test/support/test-client.js";
import { ManualClock } from "../../../platform/clock/index.js";
import { languageCookie } from "../../../platform/http/index.js";
import { findAgencyByCode } from "../../access/index.js";

const now = "2026-05-04T08:00:00Z";
const clock = new ManualClock(now);
let app: TestApp;

const day = 86_400_000;

/** A case as the projection holds it once decided: only what the catalogue reads matters here. */
async function decidedCase(typeCode: string, decidedDaysAgo: number, tookDays: number | null): Promise<void> {
  const sms = await findAgencyByCode(app.karvan.database.db, "SMS");
  const decidedAt = new Date(new Date(now).getTime() - decidedDaysAgo * day);
  const submittedAt = new Date(decidedAt.getTime() - (tookDays ?? 0) * day);
  const decided = tookDays !== null;
  await app.karvan.database.db.execute(sql`
    insert into cases (id, number, type_code, type_version, state, category, agency_id, answers,
                       submitted_at, pauses, documents, requested_documents, decided_at, outcome,
                       last_seq, created_at, updated_at)
    values (${randomUUID()}, ${`SEED-${randomUUID()}`}, ${typeCode}, 1, ${decided ? "decided" : "in-review"},
            ${decided ? "decided" : "open"}, ${sms?.id}, '{}'::jsonb, ${submittedAt.toISOString()},
            '[]'::jsonb, '[]'::jsonb, '[]'::jsonb, ${decided ? decidedAt.toISOString() : null},
            ${decided ? "approved" : null}, 5, ${submittedAt.toISOString()}, ${decidedAt.toISOString()})`);
}

function client(lang: "az" | "en" | "ru"): TestClient {
  const browser = app.client();
  browser.setCookie(languageCookie, lang);
  return browser;
}

/** The visible text of a page, for reading sentences across tags. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();

beforeAll(async () => {
  app = await createTestApp({ clock });
  // Temporary residence permits decided in 1, 2, 3, 4 and 10 days: the median is 3 days.
  for (const [ago, took] of [
    [5, 1],
    [10, 2],
    [20, 3],
    [40, 4],
    [89, 10],
  ] as const) {
    await decidedCase("temporary-residence-permit", ago, took);
  }
  // Not counted: decided before the window, or not decided yet.
  await decidedCase("temporary-residence-permit", 120, 40);
  await decidedCase("temporary-residence-permit", 0, null);
  // Work permits: four decisions are too few to say anything.
  for (const ago of [3, 6, 9, 12]) await decidedCase("work-permit", ago, 15);
});
afterAll(async () => {
  await app?.close();
});

describe("the service catalogue", () => {
  it("lists every procedure with who may apply, in the reader's language", async () => {
    const page = await client("en").get("/services");
    expect(page.statusCode).toBe(200);
    for (const name of [
      "Registration at the place of stay",
      "Extension of temporary stay",
      "Temporary residence permit",
      "Permanent residence permit",
      "Work permit",
    ]) {
      expect(page.body).toContain(name);
    }
    expect(page.body).toContain('href="/services/work-permit"');
    expect(textOf(page.body)).toContain("Who can apply: An employer");

    const az = await client("az").get("/services");
    expect(az.body).toContain("Olduğu yer üzrə qeydiyyat");
    const ru = await client("ru").get("/services");
    expect(ru.body).toContain("Разрешение на работу");
  });

  it("describes a service from its definition: documents with their conditions, fees, time limits, validity", async () => {
    const page = await client("en").get("/services/temporary-residence-permit");
    expect(page.statusCode).toBe(200);
    const text = textOf(page.body);
    expect(text).toContain("A foreign national or stateless person, for themselves");
    expect(text).toContain(
      "Copy of the work permit Needed only if the answer to “On which ground do you apply?” is “Work — employment with a work permit”.",
    );
    expect(text).toContain(
      "Proof that you have enough money to meet your basic needs Needed only if the answer to “On which ground do you apply?” is not “Family",
    );
    expect(text).toContain("Standard 20 working days AZN 60.00");
    expect(text).toContain("Faster (15 working days) 15 working days AZN 100.00");
    expect(text).toContain(
      "By law, the decision is made within 20 working days of the day the application is submitted.",
    );
    expect(text).toContain("this time stops until you send them");
    expect(text).toContain(
      "over the last 90 days, half of the applications were decided within 3 days of submission (median of 5 decided applications)",
    );
    expect(text).toContain("The permit is valid for 1 year.");
    expect(text).toContain("Migration Code of the Republic of Azerbaijan (2013), article 45");
    expect(page.body).toContain('href="/apply/temporary-residence-permit"');
    expect(page.body).toContain('href="/services/temporary-residence-permit/workflow"');
  });

  it("formats money, durations and lists the way each language does", async () => {
    const az = textOf((await client("az").get("/services/work-permit")).body);
    expect(az).toContain("1.000,00 ₼");
    expect(az).toContain("20 iş günü");
    expect(az).toContain("1 il");
    const ru = textOf((await client("ru").get("/services/work-permit")).body);
    expect(ru).toContain("1 000,00 AZN");
    expect(ru).toContain("20 рабочих дней");
    expect(ru).toContain("10 рабочих дней");
    const extension = textOf((await client("ru").get("/services/stay-extension")).body);
    expect(extension).toContain("3 рабочих дня");
    expect(extension).toContain("1 рабочий день");
    expect(extension).toContain(
      "«Почему вам нужно остаться дольше?» — «Семейные обстоятельства», «Деловая поездка» или «Другая причина»",
    );
  });

  it("says when there are too few decided cases to give a real processing time", async () => {
    const text = textOf((await client("en").get("/services/work-permit")).body);
    expect(text).toContain("There is not enough data yet");
    expect(text).toContain("at least 5 applications have been decided within the last 90 days");
    expect(text).toContain(
      "valid until the date given in the answer to “Date the employment contract ends”, and for 1 year at most",
    );
    expect(text).toContain("An employer: a company");
    expect(text).toContain("Read the API documentation");
  });

  it("shows the registration as immediate and free", async () => {
    const text = textOf((await client("en").get("/services/stay-registration")).body);
    expect(text).toContain("There is no fee.");
    expect(text).toContain("The registration is made as soon as it is submitted");
    expect(text).not.toContain("not enough data");
    expect(text).toContain(
      "Proof of ownership or lease of the home Needed only if the answer to “Where does the guest stay?” is “In a flat or house”.",
    );
    expect(text).toContain("It is valid until the date given in the answer to “Planned date of departure”.");
  });

  it("answers 404 for a service that does not exist", async () => {
    expect((await client("en").get("/services/no-such-service")).statusCode).toBe(404);
    expect((await client("en").get("/services/no-such-service/workflow")).statusCode).toBe(404);
  });
});

describe("the workflow page", () => {
  it("draws the states and steps as an SVG with a title and a description, and says the same in a table", async () => {
    const page = await client("en").get("/services/work-permit/workflow");
    expect(page.statusCode).toBe(200);
    const svg = /<svg[^>]*data-testid="workflow-diagram"[\s\S]*?<\/svg>/.exec(page.body)?.[0] ?? "";
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="workflow-title workflow-desc"');
    expect(svg).toContain('<title id="workflow-title">Workflow of “Work permit”</title>');
    expect(svg).toMatch(
      /<desc id="workflow-desc">The states, from left to right: Draft, Submitted, In review, Decision drafted, Decision approved, Waiting for documents, Decided, and Withdrawn\./,
    );
    // Eight states; one arrow per (from, to) pair of the steps, the submission included.
    expect(svg.match(/data-state="/g)).toHaveLength(8);
    expect(svg.match(/<path d="M [^"]*" fill="none"/g)).toHaveLength(11);
    // The applicant's steps are dashed, the staff's solid.
    expect(svg).toContain('stroke-dasharray="6 4" data-from="awaiting-documents" data-to="in-review"');
    expect(svg).toMatch(/marker-end="url\(#workflow-arrow\)" data-from="submitted" data-to="in-review"/);

    const steps = /<table[^>]*data-testid="workflow-steps"[\s\S]*?<\/table>/.exec(page.body)?.[0] ?? "";
    const text = textOf(steps);
    expect(text).toContain("Submit the application Draft Submitted The employer");
    expect(text).toContain("The State Employment Agency is asked for: Labour-market opinion");
    expect(text).toContain(
      "Draft the decision In review Decision drafted Case officer Every mandatory task is done",
    );
    expect(text).toContain("Approve the decision Decision drafted Decision approved Approver");
    expect(text).toContain("The approver is not the officer who drafted the decision");
    expect(text).toContain(
      "Withdraw the application Submitted, In review, or Waiting for documents Withdrawn The employer",
    );
    expect(text).toContain("Send the documents Waiting for documents In review The employer");
    expect(text).toContain("The legal time runs again");
    expect(textOf(page.body)).toContain("Labour-market opinion Submitted The State Employment Agency Yes");
  });

  it("names who registers a staff-registered procedure, and only its own roles at each step", async () => {
    const servicePage = (await client("en").get("/services/asylum")).body;
    expect(servicePage).not.toContain('href="/apply/asylum"');
    const service = textOf(servicePage);
    expect(service).toContain(
      "No online application: an officer of the service registers it where it is lodged",
    );
    const page = await client("en").get("/services/asylum/workflow");
    const steps = textOf(
      /<table[^>]*data-testid="workflow-steps"[\s\S]*?<\/table>/.exec(page.body)?.[0] ?? "",
    );
    expect(steps).toContain("Submit the application Draft Registered Asylum officer");
    expect(steps).toContain("Draft the decision Assessment Decision drafted Asylum officer");
    expect(steps).not.toContain("Case officer");
  });

  it("shows the registration decided on submission, by the system", async () => {
    const page = await client("ru").get("/services/stay-registration/workflow");
    const text = textOf(page.body);
    expect(text).toContain("Система сразу фиксирует решение «Зарегистрирован» и выдаёт подтверждение");
    expect(text).toContain(
      "Аннулировать регистрацию Зарегистрирован Регистрация аннулирована Сотрудник по делам",
    );
  });
});
