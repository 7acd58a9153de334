import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.js";
import type { TestClient } from "../../../../test/support/test-client.js";
import { ManualClock } from "../../../platform/clock/index.js";
import { queryRows } from "../../../platform/db/index.js";
import { findAgencyByCode, type Principal } from "../../access/index.js";
import { defineCaseType } from "../definition/case-type.js";
import type { CaseState } from "../engine/case-state.js";
import { loadCaseState } from "../engine/projection-repository.js";
import { transitionCase } from "../operations/transition-case.js";
import { deadlineWatchJob } from "./deadline-jobs.js";
import { legalTimeOf, riskCutoffs } from "./deadline-risk.js";
import { type QueueCursor, queueConditions, queueRowsAfter } from "./queue-repository.js";
import {
  contextOf,
  hiddenValue,
  location,
  newApplicant,
  signInNewStaff,
  staffPrincipal,
  submittedCase,
  workspaceSample,
} from "./workspace-test-bed.js";

/** The same procedure, decided by the Ganja regional office: another agency's cases. */
const ganjaSample = defineCaseType({
  ...workspaceSample,
  code: "ganja-sample",
  numberPrefix: "GNJ",
  name: { az: "Gəncə nümunəsi", en: "Ganja sample permit", ru: "Образец Гянджи" },
  responsibleAgency: "SMS-GANJA",
});

const clock = new ManualClock("2026-01-05T06:00:00Z");
const today = "2026-02-16";
let app: TestApp;
let sms: string;
let applicant: Principal;
type Staff = { browser: TestClient; userId: string };
let officer: Staff;
let lead: Staff;
let supervisor: Staff;
let ganjaOfficer: Staff;
const made: Record<string, CaseState> = {};

async function submitOn(day: string, name: string, typeCode = "workspace-sample") {
  clock.set(`${day}T06:00:00Z`);
  const state = await submittedCase(app.karvan.cases, app.config, applicant, {}, typeCode);
  made[name] = state;
  return state;
}

/** Case numbers in the order the page lists them. */
function listed(body: string): string[] {
  return [...body.matchAll(/data-case-number="([^"]+)"/g)].map((match) => match[1] ?? "");
}

async function current(name: string): Promise<CaseState> {
  return (await loadCaseState(app.database.db, made[name]?.id as string)) as CaseState;
}

/** Where each case of the agency stands today, by the legal calendar (independently of the queue). */
async function expectations(agencyId: string) {
  const { calendar, registry } = app.karvan.cases;
  const states = await Promise.all(Object.keys(made).map(current));
  const active = states.filter(
    (state) => state.agencyId === agencyId && (state.category === "open" || state.category === "waiting"),
  );
  const progress = active.map((state) => {
    const legalTime = legalTimeOf(registry.get(state.typeCode, state.typeVersion), state.expressTier);
    const value = calendar.deadlineProgress(
      {
        start: state.legalStartDate as string,
        amount: legalTime?.amount ?? 0,
        unit: legalTime?.unit ?? "working",
        pauses: state.pauses,
      },
      today,
    );
    return { state, value };
  });
  const dated = progress.filter((one) => one.state.deadlineDate !== null);
  const byDeadline = [...progress].sort(
    (a, b) =>
      (a.state.deadlineDate ?? "9999").localeCompare(b.state.deadlineDate ?? "9999") ||
      a.state.id.localeCompare(b.state.id),
  );
  const numbers = (list: typeof progress) => list.map((one) => one.state.number).sort();
  return {
    order: byDeadline.map((one) => one.state.number),
    overdue: numbers(dated.filter((one) => (one.state.deadlineDate as string) < today)),
    atRisk: numbers(dated.filter((one) => one.value.fraction >= 0.75)),
    dueSoon: numbers(
      dated.filter(
        (one) =>
          (one.state.deadlineDate as string) >= today &&
          (one.state.deadlineDate as string) <= calendar.addWorkingDays(today, 5),
      ),
    ),
    paused: numbers(progress.filter((one) => one.state.deadlineDate === null)),
  };
}

beforeAll(async () => {
  app = await createTestApp({ clock, caseTypes: [workspaceSample, ganjaSample] });
  sms = (await findAgencyByCode(app.database.db, "SMS"))?.id as string;
  applicant = await newApplicant(app.database.db, clock, "farid@example.org", "Farid Mammadli");
  await submitOn("2026-01-05", "old");
  await submitOn("2026-01-05", "ganja", "ganja-sample");
  await submitOn("2026-01-19", "dueToday");
  await submitOn("2026-01-26", "atRisk");
  await submitOn("2026-01-27", "sameDay1");
  await submitOn("2026-01-27", "sameDay2");
  await submitOn("2026-02-09", "recent");
  const paused = await submitOn("2026-01-26", "paused");
  const colleague = contextOf(
    app.karvan.cases,
    staffPrincipal(randomUUID(), sms, ["cases.read", "cases.process"]),
  );
  await transitionCase(colleague, paused.id, undefined, "start-review");
  await transitionCase(colleague, paused.id, undefined, "request-documents", {
    documentCodes: ["passport"],
    message: "Unreadable",
  });
  const withdrawn = await submitOn("2026-02-02", "withdrawn");
  await transitionCase(contextOf(app.karvan.cases, applicant), withdrawn.id, undefined, "withdraw");

  clock.set(`${today}T06:00:00Z`);
  const staff = (email: string, fullName: string, agency: string, roles: string[]) =>
    signInNewStaff(app.database.db, clock, app.client(), { email, fullName, agency, roles });
  officer = await staff("leyla@sms.gov.az", "Leyla Mammadova", "SMS", ["case_officer"]);
  lead = await staff("elchin@sms.gov.az", "Elchin Huseynov", "SMS", ["approver"]);
  supervisor = await staff("sevinj@sms.gov.az", "Sevinj Aliyeva", "SMS", ["case_officer", "auditor"]);
  ganjaOfficer = await staff("gunay@ganja.sms.gov.az", "Gunay Aliyeva", "SMS-GANJA", ["case_officer"]);
});
afterAll(async () => {
  await app.close();
});

describe("the officers' queues", () => {
  it("lists the agency's open cases, most at risk first, and filters by deadline risk on the legal calendar", async () => {
    const expected = await expectations(sms);
    expect(expected.overdue.length).toBeGreaterThan(0);
    expect(expected.atRisk.length).toBeGreaterThan(expected.overdue.length);
    expect(expected.dueSoon.length).toBeGreaterThan(0);
    expect(expected.paused).toEqual([made.paused?.number]);

    const queue = await officer.browser.get("/cases");
    expect(queue.statusCode).toBe(200);
    expect(listed(queue.body)).toEqual(expected.order);
    expect(queue.body).toContain(`Matching cases: ${expected.order.length}`);
    expect(queue.body).not.toContain(made.ganja?.number);
    expect(queue.body).not.toContain(made.withdrawn?.number);
    expect(queue.body).toContain('aria-sort="ascending"');
    expect(queue.body).toContain("Overdue");

    const reversed = await officer.browser.get("/cases?sort=-deadline");
    expect(listed(reversed.body)).toEqual([...expected.order].reverse());
    expect(reversed.body).toContain('aria-sort="descending"');

    const sorted = (body: string) => listed(body).sort();
    expect(sorted((await officer.browser.get("/cases?risk=overdue")).body)).toEqual(expected.overdue);
    expect(sorted((await officer.browser.get("/cases?risk=at-risk")).body)).toEqual(expected.atRisk);
    const dueSoon = await officer.browser.get("/cases?risk=due-soon&days=5");
    expect(sorted(dueSoon.body)).toEqual(expected.dueSoon);
    expect(dueSoon.body).toContain("Working days to the deadline: at most 5");
    expect(dueSoon.body).toContain(
      '<a class="govuk-link govuk-link--no-visited-state" href="/cases">Clear filters</a>',
    );
    expect(sorted((await officer.browser.get("/cases?risk=paused")).body)).toEqual(expected.paused);

    const waiting = await officer.browser.get("/cases?state=awaiting-documents");
    expect(listed(waiting.body)).toEqual([made.paused?.number]);
    // Queues hold work to do: a closed state is not a filter (the case file has the rest).
    expect(waiting.body).not.toContain('<option value="withdrawn"');
    expect(listed((await officer.browser.get("/cases?state=withdrawn")).body)).toEqual(expected.order);
    expect((await officer.browser.get("/cases?type=ganja-sample")).body).toContain(
      "No cases match these filters.",
    );
    // Nonsense in the address falls back to the defaults instead of failing.
    expect(
      listed((await officer.browser.get("/cases?risk=everything&days=-3&sort=x&after=zz")).body),
    ).toEqual(expected.order);

    // Ganja sees only its own; the all-agency supervisor sees both and can filter by agency.
    expect(listed((await ganjaOfficer.browser.get("/cases")).body)).toEqual([made.ganja?.number]);
    const everything = await supervisor.browser.get("/cases");
    expect(listed(everything.body)).toContain(made.ganja?.number);
    expect(everything.body).toContain("State Migration Service, Ganja Regional Migration Office");
    const ganja = (await findAgencyByCode(app.database.db, "SMS-GANJA"))?.id as string;
    expect(listed((await supervisor.browser.get(`/cases?agency=${ganja}`)).body)).toEqual([
      made.ganja?.number,
    ]);
  });

  it("pages through the queue with keyset positions, forwards and back, in both orders", async () => {
    const { calendar, registry } = app.karvan.cases;
    const conditions = queueConditions(
      { agencyId: sms, userId: officer.userId },
      {
        assigned: "anyone",
        risk: "any",
        today,
        dueSoonUntil: today,
        riskCutoffs: riskCutoffs(registry, calendar, today),
      },
    );
    for (const order of ["asc", "desc"] as const) {
      const everything = await queueRowsAfter(app.database.db, conditions, null, order, 100);
      const walked: string[] = [];
      let cursor: QueueCursor | null = null;
      for (;;) {
        const page = await queueRowsAfter(app.database.db, conditions, cursor, order, 2);
        walked.push(...page.map((row) => row.number));
        const last = page.at(-1);
        if (page.length < 2 || !last) break;
        cursor = { deadline: last.deadlineDate, id: last.id };
      }
      expect(walked).toEqual(everything.map((row) => row.number));
      // Back from the end: the rows before the last one, read the other way round.
      const last = everything.at(-1);
      const back = await queueRowsAfter(
        app.database.db,
        conditions,
        { deadline: last?.deadlineDate ?? null, id: last?.id as string },
        order === "asc" ? "desc" : "asc",
        100,
      );
      expect(back.map((row) => row.number).reverse()).toEqual(
        everything.slice(0, -1).map((row) => row.number),
      );
    }

    // Through the pages: after a position, with a link back.
    const expected = (await expectations(sms)).order;
    const first = await officer.browser.get("/cases");
    const second = expected[1] as string;
    const secondId = /href="\/cases\/([0-9a-f-]{36})">([^<]+)</g;
    const ids = new Map([...first.body.matchAll(secondId)].map((match) => [match[2], match[1]]));
    const state = await loadCaseState(app.database.db, ids.get(second) as string);
    const after = await officer.browser.get(`/cases?after=${state?.deadlineDate ?? ""}_${state?.id}`);
    expect(listed(after.body)).toEqual(expected.slice(2));
    const previous = /<a class="govuk-link govuk-pagination__link" href="([^"]+)" rel="prev"/.exec(
      after.body,
    )?.[1];
    expect(previous).toBeDefined();
    const back = await officer.browser.get((previous as string).replaceAll("&amp;", "&"));
    expect(listed(back.body)).toEqual(expected.slice(0, 2));
  });

  it("lets an officer claim a case and a team lead assign one, and refuses what is not theirs", async () => {
    const dueToday = made.dueToday as CaseState;
    const page = await officer.browser.get(`/cases/${dueToday.id}`);
    const claimed = await officer.browser.post(`/cases/${dueToday.id}/claim`, {
      expectedSeq: hiddenValue(page.body, "expectedSeq"),
    });
    expect(claimed.statusCode).toBe(303);
    expect(listed((await officer.browser.get("/cases?assigned=me")).body)).toEqual([dueToday.number]);
    expect(listed((await officer.browser.get("/cases?assigned=unassigned")).body)).not.toContain(
      dueToday.number,
    );
    expect((await officer.browser.get("/cases")).body).toMatch(/>\s*You\s*</);

    // Someone else takes it meanwhile: the claim button is gone, a forged claim is refused clearly.
    const taken = await supervisor.browser.get(`/cases/${dueToday.id}`);
    expect(taken.body).not.toContain('data-testid="claim"');
    const second = await supervisor.browser.post(`/cases/${dueToday.id}/claim`, {
      expectedSeq: String((await current("dueToday")).lastSeq),
    });
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain("Another officer has already taken this case");
    expect(second.body).toContain('href="#claim"');

    // The team lead sees the agency's officers (those who process cases) and gives one a case.
    const recent = made.recent as CaseState;
    const leadPage = await lead.browser.get(`/cases/${recent.id}`);
    expect(leadPage.body).toContain(`<option value="${officer.userId}">Leyla Mammadova</option>`);
    expect(leadPage.body).not.toContain(ganjaOfficer.userId);
    expect(leadPage.body).not.toContain('data-testid="claim"');
    const assigned = await lead.browser.post(`/cases/${recent.id}/assign`, {
      expectedSeq: hiddenValue(leadPage.body, "expectedSeq"),
      officerId: officer.userId,
    });
    expect(location(assigned)).toBe(`/cases/${recent.id}?done=assigned`);
    expect((await current("recent")).assignedTo).toBe(officer.userId);
    expect(listed((await officer.browser.get("/cases?assigned=me")).body).sort()).toEqual(
      [dueToday.number, recent.number].sort(),
    );
    // An officer of another agency cannot be given the case (the form never offers one).
    const forged = await lead.browser.post(`/cases/${recent.id}/assign`, {
      expectedSeq: String((await current("recent")).lastSeq),
      officerId: ganjaOfficer.userId,
    });
    expect(forged.statusCode).toBe(403);
    expect((await current("recent")).assignedTo).toBe(officer.userId);
    // An officer cannot assign.
    expect(
      (
        await officer.browser.post(`/cases/${recent.id}/assign`, {
          expectedSeq: String((await current("recent")).lastSeq),
          officerId: "",
        })
      ).statusCode,
    ).toBe(403);
    const back = await lead.browser.post(`/cases/${recent.id}/assign`, {
      expectedSeq: String((await current("recent")).lastSeq),
      officerId: "",
    });
    expect(location(back)).toBe(`/cases/${recent.id}?done=unassigned`);
  });

  it("lists overdue cases per agency", async () => {
    const expected = await expectations(sms);
    const overdue = await officer.browser.get("/cases/overdue");
    expect(overdue.statusCode).toBe(200);
    expect(listed(overdue.body).sort()).toEqual(expected.overdue);
    expect(overdue.body).not.toContain('data-testid="overdue-by-agency"');
    const everywhere = await supervisor.browser.get("/cases/overdue");
    expect(everywhere.body).toContain('data-testid="overdue-by-agency"');
    expect(everywhere.body).toContain("State Migration Service, Ganja Regional Migration Office");
    expect(listed(everywhere.body)).toContain(made.ganja?.number);
  });

  it("warns the officer (or the team leads of an unassigned case) once at 75 % of the legal time", async () => {
    const expected = await expectations(sms);
    const before = app.mailer.messages.length;
    await app.karvan.jobs.send(deadlineWatchJob, {});
    const warnings = app.mailer.messages.slice(before);
    expect(warnings.length).toBeGreaterThan(0);
    const dueToday = made.dueToday as CaseState;
    const toOfficer = warnings.filter((mail) => mail.to === "leyla@sms.gov.az");
    expect(toOfficer.map((mail) => mail.subject)).toEqual([
      `Case ${dueToday.number}: 75% of the legal time used`,
    ]);
    expect(toOfficer[0]?.text).toContain(`/cases/${dueToday.id}?lang=en`);
    const toLead = warnings.filter((mail) => mail.to === "elchin@sms.gov.az");
    expect(toLead).toHaveLength(expected.atRisk.length - 1);
    expect(warnings.every((mail) => mail.to === "leyla@sms.gov.az" || mail.to === "elchin@sms.gov.az")).toBe(
      true,
    );
    const claimed = await queryRows<{ count: number }>(
      app.database.db,
      sql`select count(*)::int as count from case_deadline_warnings where threshold = 75`,
    );
    // The Ganja case is warned too, though Ganja has no team lead to tell in this test.
    expect(claimed[0]?.count).toBe(expected.atRisk.length + 1);

    await app.karvan.jobs.send(deadlineWatchJob, {});
    expect(app.mailer.messages.length).toBe(before + warnings.length);
    const audited = await queryRows<{ count: number }>(
      app.database.db,
      sql`select count(*)::int as count from audit_records where action = 'case.deadline_warned'`,
    );
    expect(audited[0]?.count).toBe(expected.atRisk.length + 1);
  });

  it("finds cases by case number, name, document number or date of birth, within the officer's agency", async () => {
    const person = async (name: string, typeCode: string, answers: Parameters<typeof submittedCase>[3]) => {
      made[name] = await submittedCase(app.karvan.cases, app.config, applicant, answers, typeCode);
      return made[name] as CaseState;
    };
    const elvin = await person("elvin", "workspace-sample", {
      fullName: "Elvin Məmmədov",
      birthDate: "1985-03-09",
      passportNumber: "P11223344",
    });
    const piotr = await person("piotr", "workspace-sample", { fullName: "Пётр Иванов" });
    const ganjaElvin = await person("ganjaElvin", "ganja-sample", { fullName: "Elvin Məmmədov" });
    const search = async (who: Staff, term: string, filters = "") =>
      listed((await who.browser.get(`/cases?q=${encodeURIComponent(term)}${filters}`)).body);

    expect(await search(officer, elvin.number)).toEqual([elvin.number]);
    expect(await search(officer, elvin.number.toLowerCase())).toEqual([elvin.number]);
    const prefix = await search(officer, "wsp-2026");
    expect(prefix).toContain(elvin.number);
    expect(prefix).toContain(piotr.number);
    expect(prefix).not.toContain(ganjaElvin.number);
    // Accents and case do not matter; "ə" is found as written in passports (a) and by many (e).
    for (const term of ["mammadov", "MEMMEDOV", "Məmməd", "elvin mə"]) {
      expect(await search(officer, term), term).toEqual([elvin.number]);
    }
    // Other answers (the employer) are not the person's name; the middle of a word is not its beginning.
    expect(await search(officer, "Caspian")).toEqual([]);
    expect(await search(officer, "ammadov")).toEqual([]);
    for (const term of ["иванов", "ПЕТР", "пётр"]) {
      expect(await search(officer, term), term).toEqual([piotr.number]);
    }
    expect(await search(officer, "p1122 3344")).toEqual([elvin.number]);
    expect(await search(officer, "09.03.1985")).toEqual([elvin.number]);
    expect(await search(officer, "1985-03-09")).toEqual([elvin.number]);
    expect(await search(officer, "Mammadov", "&assigned=me")).toEqual([]);
    // Another agency finds only its own case of the same person.
    expect(await search(ganjaOfficer, "Mammadov")).toEqual([ganjaElvin.number]);

    const unusable = await officer.browser.get(`/cases?q=${encodeURIComponent("31.02.1985")}`);
    expect(unusable.body).toContain("Enter at least 2 letters or digits");
    const tagged = await officer.browser.get("/cases?q=Mammadov&risk=any");
    expect(tagged.body).toContain('<input type="hidden" name="q" value="Mammadov">');
    expect(tagged.body).toContain('<a class="moj-filter__tag" href="/cases">');

    // Searching people is audited: who, what kind of term, which cases were shown; never the term.
    const records = await queryRows<{ actor_id: string; details: Record<string, unknown> }>(
      app.database.db,
      sql`select actor_id, details from audit_records where action = 'case.queue_searched' order by id`,
    );
    const byDate = records.find((record) => record.details.readAs === "birthDate");
    expect(byDate).toMatchObject({ actor_id: officer.userId, details: { matching: 1, shown: elvin.number } });
    const everything = JSON.stringify(records);
    for (const term of ["ammadov", "1985", "P11223344", "иванов"]) expect(everything).not.toContain(term);
  });
});
