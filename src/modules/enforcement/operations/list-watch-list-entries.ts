import type { EnforcementContext } from "../enforcement-context.js";
import { auditWatchList, authorizeWatchList } from "../watchlist/entry-access.js";
import type { WatchList, WatchListEntry } from "../watchlist/watch-list-entry.js";
import { listEntries } from "../watchlist/watch-list-repository.js";
import { watchListKeys } from "../watchlist/watch-list-score.js";

const pageSize = 100;

/** The entries an officer asked for: a list, a name searched in any script, ended ones or not. Audited. */
export async function listWatchListEntries(
  context: EnforcementContext,
  query: { list: WatchList | null; name: string; includeEnded: boolean },
): Promise<WatchListEntry[]> {
  await authorizeWatchList(context);
  const keys = query.name
    ? watchListKeys({
        names: [query.name],
        birthDate: null,
        sex: null,
        citizenships: [],
        documentNumbers: [],
      })
    : [];
  // A name that gives no key (punctuation only) finds nothing rather than everything.
  if (query.name && keys.length === 0) return [];
  const entries = await listEntries(context.db, { ...query, keys, limit: pageSize });
  await auditWatchList(context, context.db, "watch_list_entry.listed", {
    details: { list: query.list, searched: query.name !== "", count: entries.length },
  });
  return entries;
}
