import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.js";
import { ManualClock } from "../../../platform/clock/index.js";
import type { Principal } from "../../access/index.js";
import type { CasesContext } from "../cases-context.js";
import { loadCaseState } from "../engine/projection-repository.js";
import { contextOf, newApplicant, submittedCase, workspaceSample } from "../workspace/workspace-test-bed.js";
import { attachDocument, type StoredDocument } from "./attach-document.js";
import { startApplication } from "./start-application.js";
import { transitionCase } from "./transition-case.js";
import { uploadLimitsOf } from "./upload-limits.js";

const clock = new ManualClock("2026-02-02T06:00:00Z");
const megabyte = 1024 * 1024;
let app: TestApp;

/** A document as the store describes it: only its size matters to the limits. */
function stored(size: number): StoredDocument {
  return {
    documentId: `202602-${randomBytes(16).toString("hex")}`,
    mediaType: "application/pdf",
    size,
    sha256: "0".repeat(64),
    fileName: "scan.pdf",
  };
}

async function applicantContext(email: string): Promise<{ principal: Principal; as: CasesContext }> {
  const principal = await newApplicant(app.database.db, clock, email, `Applicant ${email}`);
  return {
    principal,
    as: { ...contextOf(app.karvan.cases, principal), uploadLimits: uploadLimitsOf(app.config) },
  };
}

async function outcomes(attempts: Array<Promise<unknown>>): Promise<string[]> {
  const settled = await Promise.allSettled(attempts);
  return settled
    .map((one) => (one.status === "fulfilled" ? "attached" : (one.reason as { code: string }).code))
    .sort();
}

beforeAll(async () => {
  app = await createTestApp({
    clock,
    caseTypes: [workspaceSample],
    env: {
      KARVAN_UPLOAD_MAX_FILES_PER_CASE: "3",
      KARVAN_UPLOAD_MAX_MB_PER_CASE: "5",
      KARVAN_UPLOAD_MAX_FILES_PER_ACCOUNT: "5",
      KARVAN_UPLOAD_MAX_MB_PER_ACCOUNT: "8",
    },
  });
});
afterAll(async () => {
  await app.close();
});

describe("limits on the documents of an application and of an account", () => {
  it("takes the limits from the configuration", () => {
    expect(uploadLimitsOf(app.config)).toEqual({
      perCase: { files: 3, bytes: 5 * megabyte },
      perAccount: { files: 5, bytes: 8 * megabyte },
    });
  });

  it("refuses a file past the case's count or size with 409 and the limits, even when sent in parallel", async () => {
    const { as } = await applicantContext("count@example.org");
    const draft = await startApplication(as, "workspace-sample");
    // Five at once into a case that holds three: the event store's lock and the retry let exactly three in.
    const results = await outcomes(
      Array.from({ length: 5 }, () => attachDocument(as, draft.id, "passport", stored(1000))),
    );
    expect(results).toEqual(["attached", "attached", "attached", "case_upload_limit", "case_upload_limit"]);
    expect((await loadCaseState(app.database.db, draft.id))?.documents).toHaveLength(3);

    const big = await startApplication(as, "workspace-sample");
    await attachDocument(as, big.id, "passport", stored(3 * megabyte));
    const refused = attachDocument(as, big.id, "passport", stored(2 * megabyte + 1));
    await expect(refused).rejects.toMatchObject({
      code: "case_upload_limit",
      status: 409,
      details: { maxFiles: 3, maxBytes: 5 * megabyte, files: 1, bytes: 3 * megabyte },
    });
    // Exactly up to the limit is allowed.
    await attachDocument(as, big.id, "passport", stored(2 * megabyte));
  });

  it("counts an account's applications in progress together, and parallel uploads to two of them cannot both pass", async () => {
    const { as } = await applicantContext("account@example.org");
    const first = await startApplication(as, "workspace-sample");
    const second = await startApplication(as, "workspace-sample");
    for (let index = 0; index < 2; index++) await attachDocument(as, first.id, "passport", stored(1000));
    for (let index = 0; index < 2; index++) await attachDocument(as, second.id, "passport", stored(1000));
    // One place left on the account: two cases race for it.
    const results = await outcomes([
      attachDocument(as, first.id, "passport", stored(1000)),
      attachDocument(as, second.id, "passport", stored(1000)),
    ]);
    expect(results).toEqual(["account_upload_limit", "attached"]);
    const third = await startApplication(as, "workspace-sample");
    await expect(attachDocument(as, third.id, "passport", stored(1000))).rejects.toMatchObject({
      code: "account_upload_limit",
      details: { maxFiles: 5, files: 5 },
    });
    // Another account is not affected.
    const other = await applicantContext("other@example.org");
    const theirs = await startApplication(other.as, "workspace-sample");
    await attachDocument(other.as, theirs.id, "passport", stored(1000));
  });

  it("counts megabytes over the account, and leaves out applications that are decided or closed", async () => {
    const { principal, as } = await applicantContext("size@example.org");
    // Submitted with two small documents, then withdrawn (closed) further down.
    const submitted = await submittedCase(app.karvan.cases, app.config, principal);
    const first = await startApplication(as, "workspace-sample");
    const second = await startApplication(as, "workspace-sample");
    await attachDocument(as, first.id, "passport", stored(4 * megabyte));
    // 4 MB + 4 MB is the account's 8 MB, and the submitted case's documents are on top.
    await expect(attachDocument(as, second.id, "passport", stored(4 * megabyte))).rejects.toMatchObject({
      code: "account_upload_limit",
      details: { maxBytes: 8 * megabyte, files: 3 },
    });
    await attachDocument(as, second.id, "passport", stored(1000));
    await attachDocument(as, second.id, "passport", stored(1000));
    await expect(attachDocument(as, second.id, "passport", stored(1000))).rejects.toMatchObject({
      code: "account_upload_limit",
      details: { maxFiles: 5, files: 5 },
    });
    await transitionCase(as, submitted.id, undefined, "withdraw");
    await attachDocument(as, second.id, "passport", stored(1000));
  });
});
