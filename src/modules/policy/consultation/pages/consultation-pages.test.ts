import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDraftRegulation } from "../../../../../test/support/draft-regulation.js";
import { createTestApp, type TestApp } from "../../../../../test/support/test-app.js";
import type { TestClient } from "../../../../../test/support/test-client.js";
import { ManualClock } from "../../../../platform/clock/index.js";
import { signInNewStaff } from "../../../cases/workspace/workspace-test-bed.js";

// Tuesday 10 March 2026, 10:00 in Baku.
const clock = new ManualClock("2026-03-10T06:00:00Z");
let app: TestApp;
let officer: TestClient;
let visitor: TestClient;
let documentId: string;

const form = {
  titleAz: "Qeydiyyat qaydaları",
  titleEn: "Registration rules",
  titleRu: "Правила регистрации",
  textAz: "1. Qeydiyyat 15 gün ərzində.\n\n2. Rüsum yoxdur.",
  textEn: "1. Registration within 15 days.\n\n2. No fee.",
  textRu: "1. Регистрация в течение 15 дней.\n\n2. Без пошлины.",
  opensOn: "2026-03-10",
  moveDraft: "yes",
};

const location = (response: { headers: Record<string, unknown> }) => String(response.headers.location ?? "");

beforeAll(async () => {
  app = await createTestApp({ clock });
  documentId = await seedDraftRegulation(app.database.db, clock.now(), "Registration rules");
  officer = (
    await signInNewStaff(app.database.db, clock, app.client(), {
      email: "farid@policy.gov.az",
      fullName: "Farid Abbasov",
      agency: "SMS",
      roles: ["policy_officer"],
    })
  ).browser;
  visitor = app.client();
  visitor.setCookie("karvan_lang", "en");
});

afterAll(async () => {
  await app?.close();
});

describe("consultation pages", () => {
  it("an officer opens a consultation, a visitor comments by e-mail, the officer publishes and answers", async () => {
    await officer.get("/policy/consultations/new");
    const early = await officer.post("/policy/consultations", {
      ...form,
      documentId,
      closesOn: "2026-03-01",
    });
    expect(early.statusCode).toBe(422);
    expect(early.body).toContain('href="#closesOn"');
    expect(early.body).toContain("1. Registration within 15 days.");
    const opened = await officer.post("/policy/consultations", {
      ...form,
      documentId,
      closesOn: "2026-04-10",
    });
    expect(opened.statusCode).toBe(303);
    const id = /\/policy\/consultations\/([0-9a-f-]{36})/.exec(location(opened))?.[1] as string;

    const list = await visitor.get("/consultations?q=registration");
    expect(list.body).toContain(`/consultations/${id}`);
    // The platform refuses a NUL in any query string, which PostgreSQL could not compare.
    const nul = await visitor.get("/consultations?q=regis%00tration");
    expect(nul.statusCode).toBe(400);
    expect(nul.body).toContain("such as a null character: q");
    const page = await visitor.get(`/consultations/${id}`);
    expect(page.body).toContain("2. No fee.");
    const refused = await visitor.post(`/consultations/${id}/comments`, {
      name: "Aysel",
      comment: "Too short a period.",
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('href="#email"');
    expect(refused.body).toContain("Too short a period.");
    const sent = await visitor.post(`/consultations/${id}/comments`, {
      name: "Aysel",
      email: "aysel@example.org",
      displayName: "",
      sectionCode: "1",
      comment: "Too short a period.",
    });
    expect(location(sent)).toContain("sent=verify");
    expect((await visitor.get(app.mailer.linkTo("aysel@example.org"))).body).toContain(
      "Your comment is confirmed",
    );

    const documentPage = (await officer.get(`/policy/documents/${documentId}`)).body;
    expect(documentPage).toContain(`href="/policy/consultations/${id}"`);
    expect(documentPage).toContain(`href="/consultations/${id}"`);
    expect(documentPage).toMatch(/Open for comments[\s\S]*data-testid="pending">1</);

    const queue = await officer.get(`/policy/consultations/${id}`);
    const commentId = /id="comment-([0-9a-f-]{36})"/.exec(queue.body)?.[1] as string;
    expect(queue.body).toContain("Too short a period.");
    const noReason = await officer.post(`/policy/consultations/${id}/comments/${commentId}/moderation`, {
      outcome: "reject",
    });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain(`href="#reason-${commentId}"`);
    await officer.post(`/policy/consultations/${id}/comments/${commentId}/moderation`, {
      outcome: "publish",
    });
    await officer.post(`/policy/consultations/${id}/comments/${commentId}/answer`, {
      answer: "Fifteen working days.",
    });
    const answered = await visitor.get(`/consultations/${id}`);
    expect(answered.body).toContain("Fifteen working days.");
    expect(answered.body).toContain("A member of the public");
    expect(answered.body).not.toContain("aysel@example.org");

    await officer.post(`/policy/consultations/${id}/close`);
    const late = await visitor.post(`/consultations/${id}/comments`, {
      name: "A",
      email: "a@example.org",
      comment: "Late.",
    });
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain("comments are no longer taken");
    const report = await visitor.get(`/consultations/${id}/report`);
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain("Fifteen working days.");
    const docx = await visitor.get(`/consultations/${id}/report.docx?language=ru`);
    expect(docx.headers["content-type"]).toContain("wordprocessingml");
  });
});
