import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../../test/support/database.js";
import { MemoryMailer } from "../../../../../test/support/test-app.js";
import { sourceRoot } from "../../../../composition-root.js";
import { ManualClock } from "../../../../platform/clock/index.js";
import { queryRows } from "../../../../platform/db/index.js";
import { createLocalDocuments } from "../../../../platform/files/index.js";
import { createI18n } from "../../../../platform/http/index.js";
import {
  createActiveUsers,
  findAgencyByCode,
  type Permission,
  type Principal,
} from "../../../access/index.js";
import { createGuards } from "../../../access/request-context.js";
import { importStatisticalRecords } from "../../../statistics/index.js";
import { statisticalRecord } from "../../../statistics/test-support/statistical-record.js";
import { libraryTopics, searchLibrary } from "../research-repository.js";
import type { ResearchContext } from "../research-services.js";
import { applyForResearchData } from "./apply-for-research-data.js";
import { decideResearchApplication } from "./decide-research-application.js";
import { downloadResearchExtract } from "./download-research-extract.js";
import { saveResearchLibraryEntry } from "./save-library-entry.js";
import { seedLibraryEntries } from "./seed-library-entries.js";
import { viewOwnResearchApplication } from "./view-research-application.js";

const clock = new ManualClock("2026-03-02T08:00:00Z");
const mailer = new MemoryMailer();
let database: TestDatabase;
let services: Omit<ResearchContext, "principal">;
let researcher: Principal;
let otherResearcher: Principal;
let officer: Principal;

function principal(userId: string, kind: "public" | "staff", granted: Permission[]): Principal {
  return {
    userId,
    email: `${userId}@example.org`,
    fullName: "Test",
    kind,
    agencyId: null,
    roles: [],
    permissions: new Set(granted),
    locale: "en",
  };
}

const as = (who: Principal | null): ResearchContext => ({ ...services, principal: who });

async function submitted() {
  return applyForResearchData(as(researcher), {
    title: "Asylum outcomes by age",
    purpose: "How outcomes differ by age band",
    institution: "Baku State University",
    variables: ["outcome", "month", "ageBand", "sex"],
    fromMonth: "2025-01",
    toMonth: "2025-06",
    ethics: { documentId: "202603-00000000000000000000000000000000", fileName: "ethics.pdf" },
  });
}

async function errorOf(promise: Promise<unknown>): Promise<{ code: string; status: number }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; status: number };
  }
  throw new Error("expected a refusal");
}

beforeAll(async () => {
  database = await createTestDatabase();
  const sms = (await findAgencyByCode(database.db, "SMS"))?.id as string;
  // An agency an administrator added, not in the country profile: its officer reviews too.
  const [added] = await queryRows<{ id: string }>(
    database.db,
    sql`insert into agencies (code, kind, name_az, name_en, name_ru)
        values ('DPA', 'authority', 'Məlumatların Müdafiəsi', 'Data Protection Authority', 'Защита данных')
        returning id`,
  );
  const [researcherId, otherId, dpoId] = await createActiveUsers(
    database.db,
    [
      {
        email: "aysel@bsu.example.org",
        fullName: "Aysel",
        kind: "public",
        roles: ["applicant"],
        locale: "en",
      },
      { email: "other@example.org", fullName: "Other", kind: "public", roles: ["applicant"] },
      {
        email: "dpo@sms.gov.az",
        fullName: "Data Officer",
        kind: "staff",
        agencyId: sms,
        roles: ["data_protection_officer"],
        locale: "en",
      },
      {
        email: "dpo@dpa.gov.az",
        fullName: "Second Officer",
        kind: "staff",
        agencyId: added?.id as string,
        roles: ["data_protection_officer"],
        locale: "ru",
      },
    ],
    "Long-enough-test-password-1",
    clock.now(),
  );
  researcher = principal(researcherId as string, "public", ["portal.apply"]);
  otherResearcher = principal(otherId as string, "public", ["portal.apply"]);
  officer = principal(dpoId as string, "staff", ["research.review", "scope.all_agencies"]);
  const dataDir = mkdtempSync(path.join(tmpdir(), "karvan-research-"));
  services = {
    db: database.db,
    clock,
    config: { publicUrl: "https://karvan.example", researchK: 3, researchExtractDays: 7 },
    mailer,
    i18n: await createI18n(sourceRoot),
    documents: createLocalDocuments({ dataDir, fileKey: "k".repeat(32) }, clock),
    guards: createGuards(database.db),
  };
  // Ten women in their thirties (released) and one man of 70 (a rare combination: suppressed).
  const records = [
    ...Array.from({ length: 10 }, (_, n) =>
      statisticalRecord({
        recordId: `import:research:${n}`,
        kind: "decision",
        outcome: "REJECTED",
        date: "2025-02-10",
        person: { personKey: `import:w${n}`, sex: "F", birthDate: "1991-01-01" },
      }),
    ),
    statisticalRecord({
      recordId: "import:research:old",
      kind: "decision",
      outcome: "GENCONV",
      date: "2025-02-11",
      person: { personKey: "import:m1", sex: "M", birthDate: "1955-01-01" },
    }),
  ];
  await importStatisticalRecords(database.db, records, { importedBy: "test", at: clock.now(), files: {} });
}, 120_000);

afterAll(async () => {
  await database?.destroy();
});

describe("research data access", () => {
  it("tells the data protection officer of an application, and only its author sees it", async () => {
    const application = await submitted();
    expect(application.status).toBe("submitted");
    expect(mailer.lastTo("dpo@sms.gov.az")?.text).toContain(`/research/reviews/${application.id}`);
    // Every holder of research.review is told, whichever agency, in their own language.
    expect(mailer.lastTo("dpo@dpa.gov.az")?.text).toContain(`/research/reviews/${application.id}?lang=ru`);
    expect(mailer.lastTo("dpo@dpa.gov.az")?.subject).toBe(
      services.i18n.t("ru")("research.notices.submitted.subject", { reference: application.reference }),
    );
    expect(mailer.lastTo("dpo@dpa.gov.az")?.subject).not.toBe(
      services.i18n.t("en")("research.notices.submitted.subject", { reference: application.reference }),
    );
    expect((await viewOwnResearchApplication(as(researcher), application.id)).application.id).toBe(
      application.id,
    );
    expect(await errorOf(viewOwnResearchApplication(as(otherResearcher), application.id))).toMatchObject({
      code: "research_application_not_found",
      status: 404,
    });
    expect(await errorOf(viewOwnResearchApplication(as(officer), application.id))).toMatchObject({
      code: "research_public_account_only",
      status: 403,
    });
    expect(await errorOf(downloadResearchExtract(as(otherResearcher), application.id))).toMatchObject({
      status: 404,
    });
    expect(
      await errorOf(
        decideResearchApplication(as(researcher), application.id, { outcome: "refuse", reasons: "x" }),
      ),
    ).toMatchObject({ status: 403 });
  });

  it("releases a narrowed extract once, k-anonymous, and logs the suppressed rows", async () => {
    const application = await submitted();
    const narrowed = await decideResearchApplication(as(officer), application.id, {
      outcome: "narrow",
      reasons: "Sex is not needed for the stated purpose.",
      variables: ["outcome", "month", "ageBand"],
      fromMonth: "2025-02",
      toMonth: "2025-03",
    });
    expect(narrowed).toMatchObject({
      status: "narrowed",
      grantedFrom: "2025-02-01",
      grantedTo: "2025-03-31",
    });
    expect(mailer.lastTo("aysel@bsu.example.org")?.text).toContain(
      `/research/applications/${application.id}`,
    );
    const extract = await downloadResearchExtract(as(researcher), application.id);
    const lines = extract.csv
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe("person,month,ageBand,outcome");
    expect(lines.slice(1)).toHaveLength(10);
    expect(lines[1]).toMatch(/^[0-9a-f]{64},2025-02,30-34,REJECTED$/);
    expect(extract).toMatchObject({ rowsReleased: 10, rowsSuppressed: 1 });
    const [log] = await queryRows<{ rows_suppressed: number; downloaded_at: string | null }>(
      database.db,
      sql`select rows_suppressed, downloaded_at::text from research_releases where application_id = ${application.id}`,
    );
    expect(log).toMatchObject({ rows_suppressed: 1 });
    expect(log?.downloaded_at).not.toBeNull();
    expect(await errorOf(downloadResearchExtract(as(researcher), application.id))).toMatchObject({
      code: "research_extract_downloaded",
      status: 410,
    });
    expect(
      await errorOf(
        decideResearchApplication(as(officer), application.id, { outcome: "approve", reasons: "again" }),
      ),
    ).toMatchObject({ code: "research_application_decided", status: 409 });
  });

  it("refuses a narrowing wider than asked, a refused application's extract, and an expired one", async () => {
    const wider = await submitted();
    expect(
      await errorOf(
        decideResearchApplication(as(officer), wider.id, {
          outcome: "narrow",
          reasons: "r",
          variables: ["outcome", "region"],
          fromMonth: "2025-01",
          toMonth: "2025-02",
        }),
      ),
    ).toMatchObject({ code: "research_narrowing_invalid", status: 422 });
    await decideResearchApplication(as(officer), wider.id, {
      outcome: "refuse",
      reasons: "No ethics approval.",
    });
    expect(await errorOf(downloadResearchExtract(as(researcher), wider.id))).toMatchObject({
      code: "research_extract_not_granted",
      status: 409,
    });
    const late = await submitted();
    await decideResearchApplication(as(officer), late.id, { outcome: "approve", reasons: "Fine." });
    clock.advance(8 * 24 * 60 * 60 * 1000);
    expect(await errorOf(downloadResearchExtract(as(researcher), late.id))).toMatchObject({
      code: "research_extract_expired",
      status: 410,
    });
    const [audit] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_records where entity_id = ${late.id}
        and action in ('research_application.submitted', 'research_application.approved', 'research_extract.refused')`,
    );
    expect(audit?.n).toBe(3);
  });

  it("keeps the library for policy officers and finds published entries by words, topic, language and year", async () => {
    const policyOfficer = principal(officer.userId, "staff", ["policy.manage"]);
    const entry = {
      kind: "report" as const,
      title: "Return and reintegration 2024",
      summary: "Assisted voluntary return",
      authors: ["L. Aliyeva"],
      year: 2024,
      topics: ["return", "100%_done"],
      languages: ["ru"],
      link: null,
      indicatorCodes: ["RETURNS"],
      policyDocumentIds: [],
      published: true,
    };
    const saved = await saveResearchLibraryEntry(as(policyOfficer), null, entry);
    await saveResearchLibraryEntry(as(policyOfficer), null, {
      ...entry,
      title: "Unpublished draft",
      published: false,
    });
    expect(await errorOf(saveResearchLibraryEntry(as(researcher), null, entry))).toMatchObject({
      status: 403,
    });
    const search = (query: Parameters<typeof searchLibrary>[1]) =>
      searchLibrary(database.db, query).then((found) => found.map((one) => one.title));
    expect(
      await search({
        text: "reintegration aliyeva",
        topic: "return",
        language: "ru",
        year: 2024,
        publishedOnly: true,
      }),
    ).toEqual([saved.title]);
    expect(await search({ text: "100%_", publishedOnly: true })).toEqual([saved.title]);
    expect(await search({ text: "10%", publishedOnly: true })).toEqual([]);
    expect(await search({ language: "en", publishedOnly: true })).toEqual([]);
    expect(await search({ publishedOnly: false })).toHaveLength(2);
    expect(await libraryTopics(database.db)).toEqual(["100%_done", "return"]);
    const seeded = { ...entry, title: "Seeded entry" };
    expect(await seedLibraryEntries(database.db, clock.now(), [seeded, entry])).toBe(1);
    expect(await seedLibraryEntries(database.db, clock.now(), [seeded])).toBe(0);
  });
});
