import type { Locale, Translator } from "../../../platform/http/index.js";
import { accessByOthers, findAgencyById } from "../../access/index.js";
import { loadOwnCaseRecords } from "../../cases/index.js";
import {
  actionLabel,
  type SubjectAccessEntry,
  type SubjectCase,
  type SubjectContext,
} from "./collect-subject-data.js";

const accessesOnPage = 200;

/**
 * One case of the person with everything it holds, and who else accessed it. Someone else's case
 * answers 404 and the refusal is audited; reading one's own is audited as a view of the case.
 */
export async function viewOwnCaseData(
  context: SubjectContext,
  caseId: string,
  locale: Locale,
  t: Translator,
): Promise<{ record: SubjectCase; accesses: SubjectAccessEntry[] }> {
  const [own] = await loadOwnCaseRecords(context, locale, t, { caseId });
  if (!own) throw new Error("viewOwnCaseData: the case was read but not returned");
  const agencyName = async (id: string) => {
    const agency = await findAgencyById(context.db, id);
    return agency ? { code: agency.code, name: agency.names[locale] } : null;
  };
  const agency = await agencyName(own.agencyId);
  const tasks = await Promise.all(
    own.tasks.map(async (task) => ({ ...task, agencyName: (await agencyName(task.agencyId))?.name ?? null })),
  );
  const accesses = await accessByOthers(context.db, context.principal.userId, [own.id], accessesOnPage);
  return {
    record: { ...own, agency, tasks },
    accesses: accesses
      .filter((entry) => entry.entityType === "case")
      .map((entry) => ({
        ...entry,
        actionLabel: actionLabel(entry.action, t),
        agencyName: entry.agency ? entry.agency.names[locale] : null,
        roleNames: entry.roles.map((role) => role.names[locale]),
        caseNumber: own.number,
      })),
  };
}
