import { type CasesContext, type HeldCaseReview, viewHeldCase } from "../../cases/index.js";
import type { EnforcementContext } from "../enforcement-context.js";
import { auditWatchList } from "../watchlist/entry-access.js";
import type { WatchListEntry } from "../watchlist/watch-list-entry.js";
import { findEntry } from "../watchlist/watch-list-repository.js";

/**
 * A held case with the watch-list entry it matched, for an officer who reviews holds (checked on
 * the case, in its agency). Both readings are audited: the case's by the case engine, the entry's here.
 */
export async function reviewHold(
  casesContext: CasesContext,
  context: EnforcementContext,
  caseId: string,
): Promise<{ review: HeldCaseReview; entry: WatchListEntry | null }> {
  const review = await viewHeldCase(casesContext, caseId);
  const entry = await findEntry(context.db, review.state.hold.entryId);
  if (entry) await auditWatchList(context, context.db, "watch_list_entry.viewed", { entityId: entry.id });
  return { review, entry };
}
