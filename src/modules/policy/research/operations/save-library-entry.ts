import { randomUUID } from "node:crypto";
import { NotFoundError } from "../../../../platform/errors/index.js";
import { actorOf, authorize, recordAudit } from "../../../access/index.js";
import {
  findLibraryEntry,
  type LibraryEntry,
  type LibraryEntryInput,
  saveLibraryEntry,
} from "../research-repository.js";
import type { ResearchContext } from "../research-services.js";

/** A policy officer (`policy.manage`) adds an entry to the research library, or changes one (`id`). */
export async function saveResearchLibraryEntry(
  context: ResearchContext,
  id: string | null,
  input: LibraryEntryInput,
): Promise<LibraryEntry> {
  await authorize(context, "policy.manage");
  const officer = context.principal;
  if (!officer) throw new Error("authorised without a principal");
  if (id && !(await findLibraryEntry(context.db, id))) throw new NotFoundError("research_entry_not_found");
  return context.db.transaction(async (tx) => {
    const saved = await saveLibraryEntry(
      tx,
      { ...input, id: id ?? randomUUID(), updatedBy: officer.userId },
      context.clock.now(),
    );
    await recordAudit(tx, {
      actor: actorOf(officer),
      action: id ? "research_entry.changed" : "research_entry.created",
      outcome: "success",
      entityType: "research_entry",
      entityId: saved.id,
      ip: context.ip,
      requestId: context.requestId,
    });
    return saved;
  });
}
