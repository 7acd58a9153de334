import { and, eq } from "drizzle-orm";
import { countIdleDrafts, type IdleDraft, listIdleDrafts, removeDraft } from "../../cases/index.js";
import { draftRemovalNotices } from "../schema.js";
import { mailDraftNotice } from "./mail-draft-notice.js";
import { dayMs, daysBefore, type RetentionServices } from "./retention-services.js";

const pageSize = 200;

export interface DraftExpiry {
  /** Applicants told that their draft will be removed. */
  warned: number;
  removed: number;
}

/**
 * Unfinished applications nobody has changed for `removeAfterDays` are removed with their files.
 * The applicant is warned `noticeDaysBefore` days ahead and told when it is done. A draft is
 * removed only once its warning went out at least the notice period before, so a job that did not
 * run for a while warns first and removes later, never without notice. Saving the draft again
 * starts the period anew (the warning is about one last change).
 */
export async function expireDrafts(services: RetentionServices, dryRun: boolean): Promise<DraftExpiry> {
  const { cases, rules } = services;
  const { removeAfterDays, noticeDaysBefore } = rules.drafts;
  const now = cases.clock.now();
  const warnFrom = daysBefore(now, removeAfterDays - noticeDaysBefore);
  const removeFrom = daysBefore(now, removeAfterDays);
  if (dryRun) return { warned: 0, removed: await countIdleDrafts(cases.db, removeFrom) };

  const result: DraftExpiry = { warned: 0, removed: 0 };
  let after: string | undefined;
  for (;;) {
    const drafts = await listIdleDrafts(cases.db, { changedBefore: warnFrom, after, limit: pageSize });
    for (const draft of drafts) {
      const [notice] = await cases.db
        .select({ sentAt: draftRemovalNotices.sentAt })
        .from(draftRemovalNotices)
        .where(
          and(eq(draftRemovalNotices.caseId, draft.id), eq(draftRemovalNotices.lastChange, draft.updatedAt)),
        );
      if (!notice) {
        if (await warnOnce(services, draft)) result.warned += 1;
      } else if (draft.updatedAt < removeFrom && notice.sentAt <= daysBefore(now, noticeDaysBefore)) {
        if (await removeAndTell(services, draft, removeFrom)) result.removed += 1;
      }
    }
    if (drafts.length < pageSize) return result;
    after = drafts.at(-1)?.id;
  }
}

async function warnOnce(services: RetentionServices, draft: IdleDraft): Promise<boolean> {
  const { cases, rules } = services;
  const now = cases.clock.now();
  const claimed = await cases.db
    .insert(draftRemovalNotices)
    .values({ caseId: draft.id, lastChange: draft.updatedAt, sentAt: now })
    .onConflictDoNothing()
    .returning({ caseId: draftRemovalNotices.caseId });
  if (claimed.length === 0) return false;
  const due = draft.updatedAt.getTime() + rules.drafts.removeAfterDays * dayMs;
  const earliest = now.getTime() + rules.drafts.noticeDaysBefore * dayMs;
  try {
    await mailDraftNotice(services, draft, { kind: "warning", removalOn: new Date(Math.max(due, earliest)) });
  } catch (error) {
    // Not sent: give the claim back, so that the next run warns again before anything is removed.
    await cases.db
      .delete(draftRemovalNotices)
      .where(
        and(eq(draftRemovalNotices.caseId, draft.id), eq(draftRemovalNotices.lastChange, draft.updatedAt)),
      );
    throw error;
  }
  return true;
}

async function removeAndTell(
  services: RetentionServices,
  draft: IdleDraft,
  removeFrom: Date,
): Promise<boolean> {
  const { cases, rules } = services;
  const removed = await removeDraft(
    cases.db,
    draft.id,
    removeFrom,
    `drafts.removeAfterDays=${rules.drafts.removeAfterDays}`,
  );
  if (!removed) return false;
  for (const documentId of removed.documentIds) await services.documents.deleteDocument(documentId);
  await cases.db.delete(draftRemovalNotices).where(eq(draftRemovalNotices.caseId, draft.id));
  const idleDays = Math.floor((cases.clock.now().getTime() - removed.updatedAt.getTime()) / dayMs);
  await mailDraftNotice(services, removed, { kind: "removed", idleDays });
  return true;
}
