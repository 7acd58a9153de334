import { sql } from "drizzle-orm";
import type { KarvanConfig } from "../../../platform/config/index.js";
import { queryRows, type Transaction } from "../../../platform/db/index.js";
import { DomainError } from "../../../platform/errors/index.js";
import type { CaseState } from "../engine/case-state.js";

const megabyte = 1024 * 1024;

export interface UploadLimit {
  files: number;
  bytes: number;
}

/** How much one application, and one account over its applications in progress, may hold. */
export interface UploadLimits {
  perCase: UploadLimit;
  perAccount: UploadLimit;
}

/** The configuration's defaults, for contexts built without the module (scripts, tests). */
export const defaultUploadLimits: UploadLimits = {
  perCase: { files: 20, bytes: 50 * megabyte },
  perAccount: { files: 100, bytes: 200 * megabyte },
};

export function uploadLimitsOf(
  config: Pick<
    KarvanConfig,
    | "uploadMaxFilesPerCase"
    | "uploadMaxMegabytesPerCase"
    | "uploadMaxFilesPerAccount"
    | "uploadMaxMegabytesPerAccount"
  >,
): UploadLimits {
  return {
    perCase: { files: config.uploadMaxFilesPerCase, bytes: config.uploadMaxMegabytesPerCase * megabyte },
    perAccount: {
      files: config.uploadMaxFilesPerAccount,
      bytes: config.uploadMaxMegabytesPerAccount * megabyte,
    },
  };
}

/** A document that would take an application or an account past its limit. */
export class UploadLimitError extends DomainError {
  constructor(scope: "case" | "account", limit: UploadLimit, used: { files: number; bytes: number }) {
    const megabytes = Math.floor(limit.bytes / megabyte);
    super(
      `${scope}_upload_limit`,
      409,
      `cases.errors.${scope}_upload_limit`,
      {
        maxFiles: limit.files,
        maxBytes: limit.bytes,
        files: used.files,
        bytes: used.bytes,
      },
      { files: limit.files, megabytes },
    );
    this.name = "UploadLimitError";
  }
}

/**
 * Makes the uploads of one account wait for each other, until the transaction ends. Taken before
 * the case is read, so that each upload sees the documents of those before it.
 */
export async function lockUploadsOf(tx: Transaction, userId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`karvan.uploads.${userId}`}, 0))`);
}

/**
 * Refuses a document that would take the case or the applicant's account past its limits.
 *
 * Runs inside the transaction that attaches the document, under the account's upload lock (taken
 * again here when the caller has not), and reads the account's usage from the committed cases, so
 * two parallel uploads cannot both pass a limit. Two changes of one case are kept apart by the
 * event store's optimistic lock as well.
 */
export async function checkUploadLimits(
  tx: Transaction,
  state: CaseState,
  size: number,
  limits: UploadLimits,
): Promise<void> {
  const caseBytes = state.documents.reduce((sum, document) => sum + document.size, 0);
  if (state.documents.length + 1 > limits.perCase.files || caseBytes + size > limits.perCase.bytes) {
    throw new UploadLimitError("case", limits.perCase, { files: state.documents.length, bytes: caseBytes });
  }
  const owner = state.applicantUserId;
  if (!owner) return;
  await lockUploadsOf(tx, owner);
  const [used] = await queryRows<{ files: number; bytes: number }>(
    tx,
    sql`select count(d.value)::int as files, coalesce(sum((d.value->>'size')::bigint), 0)::float8 as bytes
        from cases c cross join lateral jsonb_array_elements(c.documents) as d(value)
        where c.applicant_user_id = ${owner} and c.category not in ('decided', 'closed')`,
  );
  const files = used?.files ?? 0;
  const bytes = used?.bytes ?? 0;
  if (files + 1 > limits.perAccount.files || bytes + size > limits.perAccount.bytes) {
    throw new UploadLimitError("account", limits.perAccount, { files, bytes });
  }
}
