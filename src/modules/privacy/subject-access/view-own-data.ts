import type { Locale, Translator } from "../../../platform/http/index.js";
import { actorOf, recordAudit } from "../../access/index.js";
import { collectSubjectData, type SubjectContext, type SubjectData } from "./collect-subject-data.js";

/** The page lists the latest accesses by others; the archive holds many more. */
const accessesOnPage = 100;

/**
 * The "Your data" page: what is held about the person, read from their own records only. Reading
 * it is a read of personal data like any other, so it is audited.
 */
export async function viewOwnData(
  context: SubjectContext,
  locale: Locale,
  t: Translator,
): Promise<SubjectData> {
  const data = await collectSubjectData(context, locale, t, accessesOnPage);
  await recordAudit(context.db, {
    actor: actorOf(context.principal),
    action: "privacy.data_viewed",
    outcome: "success",
    entityType: "user",
    entityId: context.principal.userId,
    ip: context.ip,
    requestId: context.requestId,
    details: { cases: data.cases.length },
  });
  return data;
}
