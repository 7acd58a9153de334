import { ConflictError, NotFoundError } from "../../../platform/errors/index.js";
import type { EnforcementContext } from "../enforcement-context.js";
import { auditWatchList, authorizeWatchList } from "../watchlist/entry-access.js";
import { findEntry, markEntryEnded } from "../watchlist/watch-list-repository.js";

/**
 * An officer ends an entry (the ban was lifted, the person was found): it no longer holds cases.
 * The entry stays, so that the holds it made can still be explained.
 */
export async function endWatchListEntry(context: EnforcementContext, id: string): Promise<void> {
  const userId = await authorizeWatchList(context);
  await context.db.transaction(async (tx) => {
    if (!(await findEntry(tx, id))) throw new NotFoundError("watch_list_entry_not_found");
    const ended = await markEntryEnded(tx, id, { userId, at: context.clock.now() });
    if (!ended) throw new ConflictError("watch_list_entry_ended", "enforcement.errors.ended");
    await auditWatchList(context, tx, "watch_list_entry.ended", { entityId: id });
  });
}
