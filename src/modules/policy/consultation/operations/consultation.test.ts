import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDraftRegulation } from "../../../../../test/support/draft-regulation.js";
import { createTestApp, type TestApp } from "../../../../../test/support/test-app.js";
import { seedDemoConsultation } from "../../../../demo/index.js";
import { ManualClock } from "../../../../platform/clock/index.js";
import { queryRows } from "../../../../platform/db/index.js";
import { DomainError } from "../../../../platform/errors/index.js";
import type { Permission, Principal } from "../../../access/index.js";
import { expireRecords } from "../../../privacy/index.js";
import { changePolicyDocumentStatus } from "../../strategies/operations/change-document-status.js";
import { findDocument } from "../../strategies/repository.js";
import type { ConsultationContext } from "../consultation-access.js";
import { consultationFollowers } from "../document-followers.js";
import { renderConsultationReport } from "../render-consultation-report.js";
import { answerComment } from "./answer-comment.js";
import { closeConsultationEarly } from "./close-consultation-early.js";
import { readConsultationReport } from "./consultation-report.js";
import { moderateComment } from "./moderate-comment.js";
import { openConsultation } from "./open-consultation.js";
import { type CommentInput, postComment } from "./post-comment.js";
import { listPublicConsultations, readPublicConsultation } from "./read-consultation.js";
import { verifyComment } from "./verify-comment.js";

// Tuesday 10 March 2026, 10:00 in Baku.
const clock = new ManualClock("2026-03-10T06:00:00Z");
let app: TestApp;
let documentId: string;
let consultationId: string;

function person(
  kind: "public" | "staff",
  permissions: Permission[],
  userId = crypto.randomUUID(),
): Principal {
  return {
    userId,
    email: `${userId}@example.org`,
    fullName: "Leyla Aliyeva",
    kind,
    agencyId: null,
    roles: [],
    permissions: new Set(permissions),
    locale: "en",
  };
}
const officer = person("staff", ["policy.manage", "scope.all_agencies"]);
const focalPoint = person("staff", ["policy.report"]);

const as = (principal: Principal | null): ConsultationContext => ({
  ...app.karvan.policyStrategies,
  principal,
  ip: "203.0.113.9",
  requestId: "consultation-test",
});

async function refusal(promise: Promise<unknown>): Promise<{ code: string; status: number }> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return { code: error.code, status: error.status };
}

const draft = {
  title: { az: "Layihə", en: "Draft rules", ru: "Проект" },
  text: {
    az: "Giriş.\n\n1. Birinci.\n\n2. İkinci.",
    en: "Preamble.\n\n1. First.\n\n2. Second.",
    ru: "Преамбула.\n\n1. Первый.\n\n2. Второй.",
  },
};

const comment = (overrides: Partial<CommentInput> = {}): CommentInput => ({
  name: "Rashad Mammadov",
  email: "rashad@example.org",
  displayName: "Rashad",
  sectionCode: "2",
  text: "Section 2 should say who pays.",
  locale: "ru",
  ...overrides,
});

beforeAll(async () => {
  app = await createTestApp({ clock });
  documentId = await seedDraftRegulation(app.database.db, clock.now(), "Rules on registration");
});

afterAll(async () => {
  await app?.close();
});

describe("opening a consultation", () => {
  it("is for policy officers only, and moves a draft to consultation through the strategies' transition", async () => {
    const input = {
      documentId,
      ...draft,
      opensOn: "2026-03-10",
      closesOn: "2026-04-10",
      moveDraftToConsultation: true,
    };
    expect(await refusal(openConsultation(as(focalPoint), input))).toEqual({
      code: "forbidden",
      status: 403,
    });
    expect(await refusal(openConsultation(as(officer), { ...input, closesOn: "2026-03-09" }))).toEqual({
      code: "consultation_closes_before_opening",
      status: 422,
    });
    expect(
      await refusal(openConsultation(as(officer), { ...input, moveDraftToConsultation: false })),
    ).toEqual({
      code: "consultation_document_not_in_consultation",
      status: 409,
    });
    consultationId = await openConsultation(as(officer), input);
    expect((await findDocument(app.database.db, documentId))?.status).toBe("consultation");
    expect((await refusal(openConsultation(as(officer), input))).code).toBe("consultation_already_open");
  });
});

describe("commenting", () => {
  it("takes an anonymous comment only once the e-mailed link (hashed, 48 hours) is opened", async () => {
    expect(await postComment(as(null), consultationId, comment())).toEqual({ verified: false });
    const mail = app.mailer.lastTo("rashad@example.org");
    expect(mail?.subject).toContain("Подтвердите");
    const token = new URL(/https?:\/\/\S+/.exec(mail?.text ?? "")?.[0] ?? "").searchParams.get("token") ?? "";
    const stored = await queryRows<{ status: string; verify_token_hash: string }>(
      app.database.db,
      sql`select status, verify_token_hash from policy_consultation_comments where email = 'rashad@example.org'`,
    );
    expect(stored).toEqual([{ status: "unverified", verify_token_hash: expect.not.stringContaining(token) }]);
    expect((await readPublicConsultation(as(null), consultationId)).comments).toEqual([]);
    expect(await verifyComment(as(null), `${token}x`)).toBeNull();
    expect(await verifyComment(as(null), token)).toEqual({ consultationId });
    expect(await verifyComment(as(null), token)).toBeNull();

    await postComment(as(null), consultationId, comment({ email: "late@example.org" }));
    const late = new URL(/https?:\/\/\S+/.exec(app.mailer.lastTo("late@example.org")?.text ?? "")?.[0] ?? "");
    clock.advance(49 * 3600_000);
    expect(await verifyComment(as(null), late.searchParams.get("token") ?? "")).toBeNull();
  });

  it("takes a signed-in member's comment at once, refuses an unknown section and floods of unverified ones", async () => {
    const member = person("public", ["portal.apply"]);
    expect(await postComment(as(member), consultationId, comment({ sectionCode: null }))).toEqual({
      verified: true,
    });
    expect(await refusal(postComment(as(null), consultationId, comment({ sectionCode: "9" })))).toEqual({
      code: "consultation_section_unknown",
      status: 422,
    });
    for (let sent = 0; sent < 3; sent += 1)
      await postComment(as(null), consultationId, comment({ email: "x@example.org" }));
    expect(await refusal(postComment(as(null), consultationId, comment({ email: "X@example.org" })))).toEqual(
      {
        code: "consultation_comment_limit",
        status: 429,
      },
    );
  });
});

describe("moderation, closing and the report", () => {
  it("publishes, rejects with a reason and answers, telling the commenter in their language, all audited", async () => {
    const pending = await queryRows<{ id: string; email: string }>(
      app.database.db,
      sql`select id, email from policy_consultation_comments where status = 'pending' order by created_at`,
    );
    const [first, second] = pending.map((row) => row.id) as [string, string];
    expect(
      await refusal(moderateComment(as(focalPoint), consultationId, first, { outcome: "publish" })),
    ).toEqual({
      code: "forbidden",
      status: 403,
    });
    await moderateComment(as(officer), consultationId, first, { outcome: "publish" });
    expect(app.mailer.lastTo("rashad@example.org")?.subject).toContain("опубликован");
    await moderateComment(as(officer), consultationId, second, {
      outcome: "reject",
      reason: "off_topic",
      note: null,
    });
    expect(
      (await refusal(moderateComment(as(officer), consultationId, second, { outcome: "publish" }))).code,
    ).toBe("consultation_comment_not_pending");
    expect((await refusal(answerComment(as(officer), consultationId, second, "No."))).code).toBe(
      "consultation_comment_not_published",
    );
    await answerComment(as(officer), consultationId, first, "The applicant pays no fee.");
    expect(app.mailer.lastTo("rashad@example.org")?.subject).toContain("ответ");
    const { comments } = await readPublicConsultation(as(null), consultationId);
    expect(comments.map((one) => [one.displayName, one.answer])).toEqual([
      ["Rashad", "The applicant pays no fee."],
    ]);
    expect(JSON.stringify(comments)).not.toContain("rashad@example.org");
    const audited = await queryRows<{ action: string }>(
      app.database.db,
      sql`select action from audit_records where action like 'policy_consultation.comment_%' order by action`,
    );
    expect(audited.map((row) => row.action)).toEqual([
      "policy_consultation.comment_answered",
      "policy_consultation.comment_published",
      "policy_consultation.comment_rejected",
    ]);
  });

  it("refuses comments after closing; the report is public once closed", async () => {
    expect((await refusal(readConsultationReport(as(null), consultationId))).status).toBe(404);
    await closeConsultationEarly(as(officer), consultationId);
    expect(await refusal(postComment(as(null), consultationId, comment()))).toEqual({
      code: "consultation_closed",
      status: 409,
    });
    const report = await readConsultationReport(as(null), consultationId);
    expect(report.counts).toMatchObject({
      received: 6,
      verified: 2,
      published: 1,
      rejected: 1,
      answered: 1,
      pending: 0,
    });
    expect(report.counts.rejectedByReason.find((row) => row.reason === "off_topic")?.count).toBe(1);
    expect(report.perSection).toEqual([
      { section: null, count: 1 },
      { section: "1", count: 0 },
      { section: "2", count: 1 },
    ]);
    const file = await renderConsultationReport(report, "pdf", "az", app.karvan.i18n.t("az"));
    expect(file.body.subarray(0, 5).toString()).toBe("%PDF-");
  });
});

describe("a document leaving consultation", () => {
  it("closes its open consultation on that date; links not yet opened then say it is closed", async () => {
    const residenceId = await seedDraftRegulation(app.database.db, clock.now(), "Rules on residence");
    const today = app.karvan.policyStrategies.today();
    const id = await openConsultation(as(officer), {
      documentId: residenceId,
      ...draft,
      opensOn: today,
      closesOn: "2026-06-30",
      moveDraftToConsultation: true,
    });
    await postComment(as(null), id, comment({ email: "slow@example.org" }));
    await postComment(as(person("public", ["portal.apply"])), id, comment({ sectionCode: null }));
    const link = new URL(/https?:\/\/\S+/.exec(app.mailer.lastTo("slow@example.org")?.text ?? "")?.[0] ?? "");
    expect(await consultationFollowers.consultationsOf(app.database.db, residenceId, today)).toEqual([
      { id, standing: "open", opensOn: today, lastDay: "2026-06-30", pending: 1 },
    ]);

    await changePolicyDocumentStatus(as(officer), residenceId, { to: "draft", onDate: today });
    const [listed] = await consultationFollowers.consultationsOf(app.database.db, residenceId, today);
    expect(listed).toMatchObject({ standing: "closed", lastDay: today });
    expect((await readPublicConsultation(as(null), id)).standing).toBe("closed");
    expect(await refusal(postComment(as(null), id, comment()))).toMatchObject({
      code: "consultation_closed",
    });
    expect(await verifyComment(as(null), link.searchParams.get("token") ?? "")).toBe("closed");
    const audited = await queryRows<{ entity_id: string }>(
      app.database.db,
      sql`select entity_id from audit_records where action = 'policy_consultation.closed_with_document'`,
    );
    expect(audited).toEqual([{ entity_id: id }]);
  });
});

describe("demo data", () => {
  it("puts a demo draft in consultation with its comments, once", async () => {
    expect(await seedDemoConsultation(app.database.db, clock)).toBe(true);
    expect(await seedDemoConsultation(app.database.db, clock)).toBe(false);
    const [demo] = await listPublicConsultations(as(null), "registration place stay");
    expect(demo).toMatchObject({ demo: true, standing: "open" });
    expect((await readPublicConsultation(as(null), demo?.id ?? "")).comments).toHaveLength(2);
  });
});

describe("retention of commenters' names and addresses", () => {
  it("removes them a year after closing: unconfirmed comments go, the others stay without a name, each audited", async () => {
    const named = sql`select count(*)::int as n from policy_consultation_comments
      where status = 'unverified' or email is not null`;
    const [before] = await queryRows<{ n: number }>(app.database.db, named);
    // Nothing is due while the consultations closed less than 12 months ago.
    expect(await expireRecords(app.karvan.retention, { dryRun: true })).toMatchObject({
      consultationCommentersRemoved: 0,
    });
    clock.advance(400 * 24 * 3600_000);
    const due = (await expireRecords(app.karvan.retention, { dryRun: true })).consultationCommentersRemoved;
    expect(due).toBe(before?.n);
    expect(await expireRecords(app.karvan.retention, { dryRun: false })).toMatchObject({
      consultationCommentersRemoved: due,
    });
    expect(await queryRows(app.database.db, named)).toEqual([{ n: 0 }]);
    const { comments } = await readPublicConsultation(as(null), consultationId);
    expect(comments.map((one) => one.displayName)).toEqual([null]);
    const audited = await queryRows<{ n: number }>(
      app.database.db,
      sql`select count(*)::int as n from audit_records
        where action in ('privacy.consultation_comment_removed', 'privacy.consultation_commenter_removed')`,
    );
    expect(audited).toEqual([{ n: due }]);
    const kept = await queryRows<{ named: number; total: number }>(
      app.database.db,
      sql`select count(*) filter (where author_name <> '' or display_name is not null
          or author_user_id is not null)::int as named, count(*)::int as total
        from policy_consultation_comments`,
    );
    expect(kept).toEqual([{ named: 0, total: expect.any(Number) }]);
    expect(kept[0]?.total).toBeGreaterThan(0);
  });
});
