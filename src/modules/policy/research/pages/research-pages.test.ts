import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../../test/support/test-app.js";
import type { TestClient } from "../../../../../test/support/test-client.js";
import { ManualClock } from "../../../../platform/clock/index.js";
import { sampleDocuments } from "../../../../platform/files/test-documents.js";
import { signInNewApplicant } from "../../../cases/portal/portal-test-bed.js";
import { signInNewStaff } from "../../../cases/workspace/workspace-test-bed.js";
import { importStatisticalRecords } from "../../../statistics/index.js";
import { statisticalRecord } from "../../../statistics/test-support/statistical-record.js";

const clock = new ManualClock("2026-03-02T08:00:00Z");
let app: TestApp;
let researcher: TestClient;
let stranger: TestClient;
let officer: TestClient;
let dpo: TestClient;

const entry = {
  kind: "study",
  title: "Labour migration corridors 2020–2025",
  summary: "Where workers come from and which permits they hold.",
  authors: "A. Mammadova, J. Smith",
  year: "2025",
  topics: "labour migration, permits",
  languages: "en, az",
  link: "https://example.org/corridors",
  indicatorCodes: "WORK_PERMITS",
  policyDocumentIds: "",
  published: "yes",
};

function location(response: { headers: Record<string, unknown> }): string {
  return String(response.headers.location ?? "");
}

beforeAll(async () => {
  app = await createTestApp({ clock });
  researcher = (await signInNewApplicant(app.database.db, clock, app.client(), "aysel@uni.example.org"))
    .browser;
  stranger = (await signInNewApplicant(app.database.db, clock, app.client(), "other@uni.example.org"))
    .browser;
  officer = (
    await signInNewStaff(app.database.db, clock, app.client(), {
      email: "farid@policy.gov.az",
      fullName: "Farid Abbasov",
      agency: "SMS",
      roles: ["policy_officer"],
    })
  ).browser;
  dpo = (
    await signInNewStaff(app.database.db, clock, app.client(), {
      email: "dpo@sms.gov.az",
      fullName: "Data Officer",
      agency: "SMS",
      roles: ["data_protection_officer"],
    })
  ).browser;
  const records = Array.from({ length: 6 }, (_, n) =>
    statisticalRecord({
      recordId: `import:pages:${n}`,
      date: "2025-02-10",
      person: { personKey: `import:p${n}` },
    }),
  );
  await importStatisticalRecords(app.database.db, records, {
    importedBy: "test",
    at: clock.now(),
    files: {},
  });
}, 180_000);

afterAll(async () => {
  await app?.close();
});

describe("the research library", () => {
  it("is kept by policy officers and searched on the portal without signing in", async () => {
    await officer.get("/research/library/manage/new");
    const invalid = await officer.post("/research/library/manage", { ...entry, link: "javascript:alert(1)" });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.body).toContain("govuk-error-summary");
    expect(invalid.body).toContain(entry.title);
    const saved = await officer.post("/research/library/manage", entry);
    expect(location(saved)).toBe("/research/library/manage?saved=1");
    await officer.post("/research/library/manage", {
      ...entry,
      title: "Draft, not published",
      published: "no",
    });
    expect((await researcher.get("/research/library/manage")).statusCode).toBe(403);

    const anonymous = app.client();
    anonymous.setCookie("karvan_lang", "en");
    const found = await anonymous.get("/research?q=corridors&language=az");
    expect(found.statusCode).toBe(200);
    expect(found.body).toContain(entry.title);
    expect(found.body).not.toContain("Draft, not published");
    const id = /\/research\/library\/([0-9a-f-]{36})/.exec(found.body)?.[1];
    const page = await anonymous.get(`/research/library/${id}`);
    expect(page.body).toContain("WORK_PERMITS");
    expect((await anonymous.get("/research?q=nothing-like-this")).body).toContain("No entries match");
  });
});

describe("research data access pages", () => {
  it("take an application with its ethics approval, the DPO's decision, and one download", async () => {
    await researcher.get("/research/applications/new");
    const missing = await researcher.postMultipart("/research/applications", [
      { name: "title", value: "Asylum outcomes" },
      { name: "variables", value: "outcome" },
    ]);
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain("Upload the ethics approval");
    expect(missing.body).toContain('value="Asylum outcomes"');

    await researcher.get("/research/applications/new");
    const sent = await researcher.postMultipart("/research/applications", [
      { name: "title", value: "Asylum outcomes" },
      { name: "purpose", value: "Outcomes by month" },
      { name: "institution", value: "Baku State University" },
      { name: "variables", value: "month" },
      { name: "variables", value: "kind" },
      { name: "fromMonth", value: "2025-01" },
      { name: "toMonth", value: "2025-03" },
      { name: "ethics", fileName: "ethics.pdf", content: sampleDocuments.pdf },
    ]);
    expect(sent.statusCode).toBe(303);
    const path = location(sent).replace("?sent=1", "");
    const id = path.split("/").at(-1) as string;
    expect(app.mailer.lastTo("dpo@sms.gov.az")?.subject).toContain("RA-");
    expect((await stranger.get(path)).statusCode).toBe(404);
    expect((await researcher.get("/research/reviews")).statusCode).toBe(403);

    const review = await dpo.get(`/research/reviews/${id}`);
    expect(review.body).toContain("Baku State University");
    expect((await dpo.get(`/research/reviews/${id}/ethics`)).body).toContain("KARVAN-PLAINTEXT-MARKER");
    const noReasons = await dpo.post(`/research/reviews/${id}/decision`, { outcome: "approve", reasons: "" });
    expect(noReasons.statusCode).toBe(422);
    const decided = await dpo.post(`/research/reviews/${id}/decision`, {
      outcome: "approve",
      reasons: "Ethics approved.",
    });
    expect(location(decided)).toBe(`/research/reviews/${id}?decided=1`);
    expect(app.mailer.lastTo("aysel@uni.example.org")?.text).toContain(path);

    const page = await researcher.get(path);
    expect(page.body).toContain("Ethics approved.");
    const download = await researcher.post(`${path}/extract`);
    expect(download.headers["content-type"]).toContain("text/csv");
    expect(download.body.split("\r\n")[0]).toBe("\uFEFFperson,month,kind");
    expect(download.body).toContain(",2025-02,application");
    await researcher.get(path);
    const again = await researcher.post(`${path}/extract`);
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain("already downloaded");
    expect((await dpo.get(`/research/reviews/${id}`)).body).toContain(
      "6 records released, 0 withheld (k = 5)",
    );
  });
});
