import type { Documents } from "../../../platform/files/index.js";
import type { Locale, Translator } from "../../../platform/http/index.js";
import { actorOf, recordAudit } from "../../access/index.js";
import { buildSubjectArchive, type SubjectArchive } from "./build-archive.js";
import { collectSubjectData, type SubjectContext } from "./collect-subject-data.js";

/** Accesses by others the archive lists at most (newest first); data.json says when there were more. */
const accessesInArchive = 10_000;

/**
 * The person downloads everything held about them as a ZIP archive. Every download is audited
 * with what it held (counts, never contents), after the archive was built: a failed build hands
 * nothing out.
 */
export async function downloadOwnArchive(
  context: SubjectContext,
  services: { documents: Documents; publicUrl: string },
  locale: Locale,
  t: Translator,
): Promise<SubjectArchive & { fileName: string }> {
  const data = await collectSubjectData(context, locale, t, accessesInArchive);
  const archive = await buildSubjectArchive(data, services.documents, t, services.publicUrl);
  await recordAudit(context.db, {
    actor: actorOf(context.principal),
    action: "privacy.archive_downloaded",
    outcome: "success",
    entityType: "user",
    entityId: context.principal.userId,
    ip: context.ip,
    requestId: context.requestId,
    details: {
      cases: data.cases.length,
      documents: archive.documents,
      missingDocuments: archive.missingDocuments,
      bytes: archive.content.length,
    },
  });
  const day = data.generatedAt.slice(0, 10);
  return { ...archive, fileName: `karvan-my-data-${day}.zip` };
}
