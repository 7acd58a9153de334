import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.js";
import {
  CaseTypeRegistry,
  calendarDeadlineClock,
  rebuildCaseProjections,
} from "../../modules/cases/index.js";
import { caseTypeDefinitions } from "../../modules/permits/index.js";
import { loadLegalCalendars } from "../../platform/calendar/index.js";
import { ManualClock } from "../../platform/clock/index.js";
import { queryRows } from "../../platform/db/index.js";
import { createLocalDocuments, type Documents, detectDocumentType } from "../../platform/files/index.js";
import { seedDemoUsers } from "../accounts/demo-accounts.js";
import { pathTo as reachable } from "./demo-histories.js";
import { loadPopulationMix } from "./population-mix.js";
import { type DemoCaseloadReport, seedDemoCaseload } from "./seed-demo-caseload.js";

const registry = new CaseTypeRegistry(caseTypeDefinitions);
const deadlines = calendarDeadlineClock(loadLegalCalendars().of("AZ"));
const clock = new ManualClock("2026-06-15T09:00:00Z");
let database: TestDatabase;
let report: DemoCaseloadReport;
const dataDir = mkdtempSync(path.join(tmpdir(), "karvan-demo-documents-"));
const documents: Documents = createLocalDocuments(
  { dataDir, fileKey: "demo-file-key-".padEnd(40, "x") },
  clock,
);

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoUsers(database.db, clock, "demo-file-key-".padEnd(40, "x"));
  report = await seedDemoCaseload({
    db: database.db,
    registry,
    deadlines,
    clock,
    country: "AZ",
    scale: 1,
    documents,
    registerThresholds: { link: 15, review: 10 },
  });
}, 120_000);

afterAll(async () => {
  await database.destroy();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the demo caseload", () => {
  it("loads a thousand cases, in every state of every case type, with issued permits and past decisions", async () => {
    const rows = await queryRows<{ type_code: string; state: string; n: number }>(
      database.db,
      sql`select type_code, state, count(*)::int as n from cases group by type_code, state`,
    );
    expect(rows.reduce((sum, row) => sum + row.n, 0)).toBe(1000);
    expect(report.cases).toBe(1000);
    for (const definition of registry.current()) {
      for (const state of Object.keys(definition.states)) {
        if (state !== definition.initialState && !reachable(definition, state)) continue;
        expect(
          rows.find((row) => row.type_code === definition.code && row.state === state)?.n ?? 0,
          `${definition.code} ${state}`,
        ).toBeGreaterThan(0);
      }
    }
    const [facts] = await queryRows<{
      events: number;
      issued: number;
      refused: number;
      latest: string;
      earliest: string;
    }>(
      database.db,
      sql`select (select count(*)::int from case_events) as events,
        (select count(*)::int from cases where decision->>'documentNumber' is not null) as issued,
        (select count(*)::int from cases where outcome = 'refused') as refused,
        (select max(at)::text from case_events) as latest,
        (select min(at)::text from case_events) as earliest`,
    );
    expect(facts?.events).toBe(report.events);
    expect(facts?.issued).toBeGreaterThan(400);
    expect(facts?.refused).toBeGreaterThan(0);
    expect(new Date(facts?.latest as string).getTime()).toBeLessThanOrEqual(clock.now().getTime());
    expect(new Date(facts?.earliest as string).getTime()).toBeGreaterThan(
      clock.now().getTime() - 420 * 86_400_000,
    );
  });

  it("gives the applicants, guests and workers citizenships of the Eurostat mix in src/demo/data", async () => {
    expect(report.populationSource).toMatch(/^Eurostat/);
    const citizenships = await queryRows<{ citizenship: string; n: number }>(
      database.db,
      sql`select answers->>'guestCitizenship' as citizenship, count(*)::int as n from cases
          where type_code = 'stay-registration' and answers ? 'guestCitizenship'
          group by 1 order by 2 desc limit 3`,
    );
    // Syria, Afghanistan and Iraq lead the 2018-2022 figures.
    expect(citizenships.map((row) => row.citizenship)).toContain("SY");
  });

  it("stores every document it attaches: each one opens, as the type the case says", async () => {
    const attached = await queryRows<{ id: string; media_type: string; draft: boolean; demo: boolean }>(
      database.db,
      sql`select distinct d->>'documentId' as id, d->>'mediaType' as media_type, c.category = 'draft' as draft,
            u.email like '%@demo.karvan.az' as demo
          from cases c cross join jsonb_array_elements(c.documents) d
          left join users u on u.id = c.applicant_user_id`,
    );
    expect(attached.length).toBeGreaterThan(0);
    const ids = new Set(attached.map((one) => one.id));
    for (const id of ids) {
      const content = await documents.readDocument(id);
      expect(detectDocumentType(content)).toBe(attached.find((one) => one.id === id)?.media_type);
    }
    // Shared by the submitted cases; the demo accounts' own drafts have copies of their own.
    expect(ids.size).toBeLessThan(100);
    const shared = new Set(attached.filter((one) => !one.draft || !one.demo).map((one) => one.id));
    for (const own of attached.filter((one) => one.draft && one.demo)) expect(shared.has(own.id)).toBe(false);
  });

  it("gives the demo population accounts, and the demo host cases of its own", async () => {
    const accounts = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from users u join user_roles r on r.user_id = u.id
          where r.role_code in ('applicant', 'host_employer') and u.status = 'active'`,
    );
    expect(accounts[0]?.n).toBeGreaterThan(200);
    const demoHostCases = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from cases c join users u on u.id = c.applicant_user_id
          where u.email = 'host-employer@demo.karvan.az'`,
    );
    expect(demoHostCases[0]?.n).toBeGreaterThan(0);
  });

  it("is what the events say: rebuilding every projection from the events gives the same rows", async () => {
    const snapshot = async () => ({
      cases: await queryRows(database.db, sql`select * from cases order by id`),
      tasks: await queryRows(database.db, sql`select * from case_tasks order by id`),
    });
    const before = await snapshot();
    expect(before.tasks.length).toBeGreaterThan(0);
    await rebuildCaseProjections(database.db, registry, deadlines);
    expect(await snapshot()).toEqual(before);
  }, 120_000);

  it("enters the persons of every submitted case into the person register, some of them to review", async () => {
    const [register] = await queryRows<{
      submitted: number;
      registered: number;
      persons: number;
      linked: number;
      reviews: number;
      drafts: number;
    }>(
      database.db,
      sql`select (select count(*)::int from cases where submitted_at is not null) as submitted,
        (select count(distinct case_id)::int from (
          select case_id from people_case_links
          union all select case_id from people_review_items) sources) as registered,
        (select count(*)::int from people_persons) as persons,
        (select count(*)::int from people_case_links where how = 'auto') as linked,
        (select count(*)::int from people_review_items where status = 'open') as reviews,
        (select count(*)::int from people_case_links l join cases c on c.id = l.case_id
          where c.submitted_at is null) as drafts`,
    );
    expect(register?.registered).toBe(register?.submitted);
    expect(register?.persons).toBeGreaterThan(0);
    // Applicants apply again: their second case links to the person of the first.
    expect(register?.linked).toBeGreaterThan(0);
    expect(register?.reviews).toBeGreaterThan(0);
    expect(register?.drafts).toBe(0);
  });

  it("falls back to a built-in mix, and says so, without the Eurostat file", () => {
    expect(loadPopulationMix("AZ", null).source).toMatch(/^built-in/);
    expect(loadPopulationMix("AZ", "/nonexistent").source).toMatch(/^built-in/);
  });
});
