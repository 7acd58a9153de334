import { isLocale } from "../../../platform/http/index.js";
import { findUserContacts } from "../../access/index.js";
import type { CaseState } from "../engine/case-state.js";
import type { Workspace } from "./workspace.js";

/** Where the applicant follows the case in the portal. */
export function applicantCasePath(caseId: string): string {
  return `/applications/${caseId}`;
}

export type ApplicantMail = { kind: "documentsRequested"; documentCodes: string[] } | { kind: "newMessage" };

/**
 * Tells the applicant, in their own language, that the officer needs something. The e-mail names
 * the case and the documents, never the officer's free text: that is read after signing in.
 * The message id follows the case's event, so a retried send is the same message.
 */
export async function mailApplicant(
  workspace: Workspace,
  state: CaseState,
  mail: ApplicantMail,
): Promise<void> {
  if (!state.applicantUserId) return;
  const [applicant] = await findUserContacts(workspace.cases.db, [state.applicantUserId]);
  if (!applicant?.active) return;
  const locale = isLocale(applicant.locale) ? applicant.locale : "az";
  const t = workspace.i18n.t(locale);
  const definition = workspace.cases.registry.get(state.typeCode, state.typeVersion);
  const link = `${workspace.cases.config.publicUrl}${applicantCasePath(state.id)}?lang=${locale}`;
  const documents =
    mail.kind === "documentsRequested"
      ? mail.documentCodes
          .map((code) => `- ${definition.documents.find((one) => one.code === code)?.name[locale] ?? code}`)
          .join("\n")
      : "";
  const variables = {
    name: applicant.fullName,
    number: state.number,
    type: definition.name[locale],
    documents,
    link,
  };
  await workspace.cases.mailer.send({
    id: `case-${state.id}-${state.lastSeq}`,
    to: applicant.email,
    subject: t(`workspace.mail.${mail.kind}.subject`, variables),
    text: `${t(`workspace.mail.${mail.kind}.body`, variables)}\n\n${t("workspace.mail.signature")}\n`,
  });
}
