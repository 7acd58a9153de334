import type { Translator } from "../../../platform/http/index.js";
import type { SubjectData } from "./collect-subject-data.js";

/**
 * The README of the archive, in the person's language: what each file holds, what data.json's
 * parts mean, what is withheld and why, and how to ask for a correction. Plain text, so that any
 * device opens it.
 */
export function archiveReadme(
  data: SubjectData,
  t: Translator,
  files: { stored: number; missing: number },
): string {
  const withheldNotes = data.cases.reduce((sum, record) => sum + record.withheld.internalNotes, 0);
  const withheldComments = data.cases.reduce((sum, record) => sum + record.withheld.taskComments, 0);
  const r = (key: string, values: Record<string, unknown> = {}) =>
    t(`privacy.subjectAccess.readme.${key}`, values);
  const lines = [
    r("title"),
    "",
    r("intro", { name: data.account.fullName, date: data.generatedAt }),
    "",
    r("filesHeading"),
    `- data.json: ${r("dataJson", { schema: data.schema })}`,
    `- documents/: ${r("documentsFolder", { count: files.stored })}`,
    ...(files.missing > 0 ? [`  ${r("documentsMissing", { count: files.missing })}`] : []),
    "- README.txt",
    "",
    r("partsHeading"),
    `- account: ${r("parts.account")}`,
    `- cases: ${r("parts.cases", { count: data.cases.length })}`,
    `- accessByOthers: ${r("parts.accessByOthers")}`,
    `- correctionRequests: ${r("parts.correctionRequests")}`,
    "",
    r("withheldHeading"),
    r("withheldText", { notes: withheldNotes, comments: withheldComments }),
    "",
    r("timesText"),
    "",
    r("correctionHeading"),
    r("correctionText"),
    "",
  ];
  return lines.join("\n");
}
