import { randomUUID } from "node:crypto";
import type { Database } from "../../../../platform/db/index.js";
import { recordAudit, systemActor } from "../../../access/index.js";
import { type LibraryEntryInput, saveLibraryEntry, searchLibrary } from "../research-repository.js";

/** Written by Karvan itself (seeding), not by a person. */
const systemUserId = "00000000-0000-0000-0000-000000000000";

/**
 * Adds library entries as the system (seeding), skipping titles already in the library so that
 * seeding twice adds nothing. Returns how many were added.
 */
export async function seedLibraryEntries(
  db: Database,
  at: Date,
  entries: LibraryEntryInput[],
): Promise<number> {
  const existing = new Set((await searchLibrary(db, { publishedOnly: false })).map((entry) => entry.title));
  const fresh = entries.filter((entry) => !existing.has(entry.title));
  await db.transaction(async (tx) => {
    for (const entry of fresh) {
      const saved = await saveLibraryEntry(tx, { ...entry, id: randomUUID(), updatedBy: systemUserId }, at);
      await recordAudit(tx, {
        actor: systemActor,
        action: "research_entry.created",
        outcome: "success",
        entityType: "research_entry",
        entityId: saved.id,
      });
    }
  });
  return fresh.length;
}
