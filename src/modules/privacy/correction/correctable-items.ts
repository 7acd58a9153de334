import { z } from "zod";
import { NotFoundError } from "../../../platform/errors/index.js";
import type { Locale, Translator } from "../../../platform/http/index.js";
import { findAgenciesByKind } from "../../access/index.js";
import { loadOwnCaseRecords } from "../../cases/index.js";
import type { SubjectContext } from "../subject-access/collect-subject-data.js";

export interface CorrectableItem {
  /** "account:fullName", "answer:<field>", "document:<id>", "decision", "other". */
  code: string;
  label: string;
}

/** What a correction request may be about, and who answers it. */
export interface CorrectionTarget {
  caseId: string | null;
  caseNumber: string | null;
  /** The agency that owns the item: the case's, or the migration service for the account. */
  agencyId: string;
  items: CorrectableItem[];
}

/** Ids reach SQL only once they are UUIDs: a malformed one is "not found", never a database error. */
const uuid = z.uuid();

/**
 * The items of the person's account, or of one of their cases, that they may ask to have
 * corrected, in their language. A case that is not theirs answers 404 (audited by the case read).
 */
export async function correctableItems(
  context: SubjectContext,
  caseId: string | null,
  locale: Locale,
  t: Translator,
): Promise<CorrectionTarget> {
  const other = { code: "other", label: t("privacy.correction.items.other") };
  if (!caseId) {
    // The account is kept by the operator of the portal: the migration service.
    const [operator] = await findAgenciesByKind(context.db, "migration_service");
    if (!operator) throw new Error("no migration service agency to answer correction requests");
    return {
      caseId: null,
      caseNumber: null,
      agencyId: operator.id,
      items: [
        { code: "account:fullName", label: t("privacy.subjectAccess.account.fullName") },
        { code: "account:email", label: t("privacy.subjectAccess.account.email") },
        other,
      ],
    };
  }
  if (!uuid.safeParse(caseId).success) throw new NotFoundError("case_not_found");
  const [record] = await loadOwnCaseRecords(context, locale, t, { caseId });
  if (!record) throw new NotFoundError("case_not_found");
  const prefix = (text: string) => `${record.number}: ${text}`;
  return {
    caseId: record.id,
    caseNumber: record.number,
    agencyId: record.agencyId,
    items: [
      ...record.answeredPages.flatMap((page) =>
        page.questions.map((question) => ({
          code: `answer:${question.name}`,
          label: prefix(`${page.title} — ${question.label}`),
        })),
      ),
      ...record.documents.map((document) => ({
        code: `document:${document.documentId}`,
        label: prefix(`${document.name} (${document.fileName})`),
      })),
      ...(record.decision
        ? [{ code: "decision", label: prefix(t("privacy.correction.items.decision")) }]
        : []),
      { ...other, label: prefix(other.label) },
    ],
  };
}
