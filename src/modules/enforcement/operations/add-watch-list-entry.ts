import type { EnforcementContext } from "../enforcement-context.js";
import { auditWatchList, authorizeWatchList } from "../watchlist/entry-access.js";
import type { NewEntry } from "../watchlist/watch-list-entry.js";
import { insertEntries } from "../watchlist/watch-list-repository.js";

/** An officer adds one entry to a watch list (checked by `newEntrySchema`); returns its id. */
export async function addWatchListEntry(context: EnforcementContext, entry: NewEntry): Promise<string> {
  const userId = await authorizeWatchList(context);
  return context.db.transaction(async (tx) => {
    const [id] = await insertEntries(tx, [entry], { userId, at: context.clock.now() });
    if (!id) throw new Error("the entry was not written");
    await auditWatchList(context, tx, "watch_list_entry.added", {
      entityId: id,
      details: { list: entry.list },
    });
    return id;
  });
}
