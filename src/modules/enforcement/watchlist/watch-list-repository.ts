import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray, isNull, type SQL } from "drizzle-orm";
import type { Queryable } from "../../../platform/db/index.js";
import { enforcementWatchListEntries, enforcementWatchListKeys } from "../schema.js";
import type { NewEntry, WatchList, WatchListEntry } from "./watch-list-entry.js";
import { watchListKeys } from "./watch-list-score.js";

type EntryRow = typeof enforcementWatchListEntries.$inferSelect;

function entryOf(row: EntryRow): WatchListEntry {
  return {
    id: row.id,
    list: row.list,
    names: row.names,
    birthDate: row.birthDate,
    sex: row.sex,
    citizenships: row.citizenships,
    documentNumbers: row.documentNumbers,
    legalBasis: row.legalBasis,
    issuingAuthority: row.issuingAuthority,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    endedBy: row.endedBy,
    endedAt: row.endedAt ? row.endedAt.toISOString() : null,
  };
}

/** Writes entries with their blocking keys; the caller's transaction makes a file all or nothing. */
export async function insertEntries(
  db: Queryable,
  entries: NewEntry[],
  by: { userId: string; at: Date },
): Promise<string[]> {
  const rows = entries.map((entry) => ({
    id: randomUUID(),
    list: entry.list,
    names: entry.names,
    birthDate: entry.birthDate || null,
    sex: entry.sex || null,
    citizenships: entry.citizenships,
    documentNumbers: entry.documentNumbers,
    legalBasis: entry.legalBasis,
    issuingAuthority: entry.issuingAuthority,
    validFrom: entry.validFrom,
    validUntil: entry.validUntil || null,
    createdBy: by.userId,
    createdAt: by.at,
  }));
  if (rows.length === 0) return [];
  await db.insert(enforcementWatchListEntries).values(rows);
  const keys = rows.flatMap((row) =>
    watchListKeys({
      names: row.names,
      birthDate: row.birthDate,
      sex: row.sex,
      citizenships: row.citizenships,
      documentNumbers: row.documentNumbers,
    }).map((key) => ({ key, entryId: row.id })),
  );
  if (keys.length > 0) await db.insert(enforcementWatchListKeys).values(keys).onConflictDoNothing();
  return rows.map((row) => row.id);
}

export async function findEntry(db: Queryable, id: string): Promise<WatchListEntry | null> {
  const [row] = await db
    .select()
    .from(enforcementWatchListEntries)
    .where(eq(enforcementWatchListEntries.id, id));
  return row ? entryOf(row) : null;
}

/** Ends an entry still in force; false when there was none to end. */
export async function markEntryEnded(
  db: Queryable,
  id: string,
  by: { userId: string; at: Date },
): Promise<boolean> {
  const ended = await db
    .update(enforcementWatchListEntries)
    .set({ endedBy: by.userId, endedAt: by.at })
    .where(and(eq(enforcementWatchListEntries.id, id), isNull(enforcementWatchListEntries.endedAt)))
    .returning({ id: enforcementWatchListEntries.id });
  return ended.length > 0;
}

export interface EntryQuery {
  list: WatchList | null;
  /** Blocking keys of the name searched for: finds the name in any script. */
  keys: string[];
  includeEnded: boolean;
  limit: number;
}

/** Entries newest first, narrowed by list, by a searched name's keys and to those not ended. */
export async function listEntries(db: Queryable, query: EntryQuery): Promise<WatchListEntry[]> {
  const conditions: SQL[] = [];
  if (query.list) conditions.push(eq(enforcementWatchListEntries.list, query.list));
  if (!query.includeEnded) conditions.push(isNull(enforcementWatchListEntries.endedAt));
  if (query.keys.length > 0) {
    conditions.push(
      inArray(
        enforcementWatchListEntries.id,
        db
          .selectDistinct({ id: enforcementWatchListKeys.entryId })
          .from(enforcementWatchListKeys)
          .where(inArray(enforcementWatchListKeys.key, query.keys)),
      ),
    );
  }
  const rows = await db
    .select()
    .from(enforcementWatchListEntries)
    .where(and(...conditions))
    .orderBy(desc(enforcementWatchListEntries.createdAt), enforcementWatchListEntries.id)
    .limit(query.limit);
  return rows.map(entryOf);
}
