import type { Locale, Translator } from "../../../platform/http/index.js";
import {
  type AccessByOthers,
  accessByOthers,
  findAgencyById,
  type OwnAccountRecord,
  ownAccountRecord,
  type Principal,
} from "../../access/index.js";
import { type CasesContext, loadOwnCaseRecords, type OwnCaseRecord } from "../../cases/index.js";
import { type CorrectionRequest, listOwnCorrectionRequests } from "../correction/correction-repository.js";

/** The version of data.json's shape; a change that breaks readers of the archive raises it. */
export const subjectDataSchema = "karvan.subject-access/1";

type Names = { az: string; en: string; ru: string };

export interface SubjectCase extends OwnCaseRecord {
  agency: { code: string; name: string } | null;
  tasks: Array<OwnCaseRecord["tasks"][number] & { agencyName: string | null }>;
}

/** One access by someone else, with the words the person reads (their language). */
export interface SubjectAccessEntry extends AccessByOthers {
  actionLabel: string;
  agencyName: string | null;
  roleNames: string[];
  caseNumber: string | null;
}

/** Everything Karvan holds about the signed-in person, as data.json and the "Your data" page give it. */
export interface SubjectData {
  schema: typeof subjectDataSchema;
  generatedAt: string;
  language: Locale;
  account: OwnAccountRecord;
  cases: SubjectCase[];
  accessByOthers: SubjectAccessEntry[];
  /** True when older accesses exist beyond those listed. */
  accessByOthersTruncated: boolean;
  correctionRequests: CorrectionRequest[];
}

/** A public account signed in with the browser: the only kind of principal these pages serve. */
export type SubjectContext = CasesContext & { principal: Principal };

function namesIn(names: Names, locale: Locale): string {
  return names[locale];
}

/**
 * Collects what is held about the person: the account, every case of theirs with its answers,
 * documents, messages and decision, who else accessed them (the audit trail), and their
 * correction requests. Only the person's own records are read: everything is looked up by the
 * signed-in account, never by an id the request carries. The caller audits the access.
 */
export async function collectSubjectData(
  context: SubjectContext,
  locale: Locale,
  t: Translator,
  accessLimit: number,
): Promise<SubjectData> {
  const account = await ownAccountRecord(context.db, context.principal);
  if (!account) throw new Error("collectSubjectData: not a public account");
  const records = await loadOwnCaseRecords(context, locale, t);
  const agencyIds = new Set(
    records.flatMap((record) => [record.agencyId, ...record.tasks.map((task) => task.agencyId)]),
  );
  const agencies = new Map<string, { code: string; name: string }>();
  for (const id of agencyIds) {
    const agency = await findAgencyById(context.db, id);
    if (agency) agencies.set(id, { code: agency.code, name: namesIn(agency.names, locale) });
  }
  const numbers = new Map(records.map((record) => [record.id, record.number]));
  const accesses = await accessByOthers(
    context.db,
    account.id,
    records.map((record) => record.id),
    accessLimit + 1,
  );
  return {
    schema: subjectDataSchema,
    generatedAt: context.clock.now().toISOString(),
    language: locale,
    account,
    cases: records.map((record) => ({
      ...record,
      agency: agencies.get(record.agencyId) ?? null,
      tasks: record.tasks.map((task) => ({ ...task, agencyName: agencies.get(task.agencyId)?.name ?? null })),
    })),
    accessByOthers: accesses.slice(0, accessLimit).map((entry) => ({
      ...entry,
      actionLabel: actionLabel(entry.action, t),
      agencyName: entry.agency ? namesIn(entry.agency.names, locale) : null,
      roleNames: entry.roles.map((role) => namesIn(role.names, locale)),
      caseNumber: entry.entityType === "case" ? (numbers.get(entry.entityId) ?? null) : null,
    })),
    accessByOthersTruncated: accesses.length > accessLimit,
    correctionRequests: await listOwnCorrectionRequests(context.db, account.id),
  };
}

/** An audit action in words, as the audit pages name it; an action without words keeps its code. */
export function actionLabel(action: string, t: Translator): string {
  const label = t(`audit.actions.${action}`, { defaultValue: "" });
  return typeof label === "string" && label !== "" ? label : action;
}
