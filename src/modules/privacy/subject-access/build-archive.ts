import JSZip from "jszip";
import { NotFoundError } from "../../../platform/errors/index.js";
import { type Documents, safeDownloadName } from "../../../platform/files/index.js";
import type { Translator } from "../../../platform/http/index.js";
import { archiveReadme } from "./archive-readme.js";
import type { SubjectData } from "./collect-subject-data.js";

/** Where a case's document lies in the archive, or why it is not there. */
interface DocumentEntry {
  archivePath: string | null;
  /** The stored file could not be found (removed by its retention period, or lost). */
  missing: boolean;
}

export interface SubjectArchive {
  content: Buffer;
  documents: number;
  missingDocuments: number;
}

/** A name that is one path segment in every unzip tool: no folders, nothing a shell or Windows refuses. */
function segment(text: string): string {
  return text.replace(/[^\p{L}\p{N}._-]+/gu, "_").slice(0, 80) || "_";
}

/**
 * The archive of a person's data: `data.json` (everything, machine-readable, see docs/privacy.md),
 * the documents they sent as files, decrypted, under `documents/<case number>/`, and a README in
 * their language. Documents are stored as they are (they are PDFs and pictures, compressed
 * already), the rest deflated. Documents are read one at a time.
 */
export async function buildSubjectArchive(
  data: SubjectData,
  documents: Documents,
  t: Translator,
  publicUrl: string,
): Promise<SubjectArchive> {
  const zip = new JSZip();
  let stored = 0;
  let missing = 0;
  const cases = [];
  for (const record of data.cases) {
    const entries: Array<SubjectData["cases"][number]["documents"][number] & DocumentEntry> = [];
    for (const document of record.documents) {
      const archivePath = `documents/${segment(record.number)}/${document.documentId.slice(0, 8)}-${segment(
        safeDownloadName(document.fileName, undefined),
      )}`;
      try {
        const content = await documents.readDocument(document.documentId);
        zip.file(archivePath, content, { compression: "STORE", date: new Date(document.attachedAt) });
        entries.push({ ...document, archivePath, missing: false });
        stored++;
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
        entries.push({ ...document, archivePath: null, missing: true });
        missing++;
      }
    }
    const decided = record.decision;
    cases.push({
      ...record,
      documents: entries,
      links: {
        case: `${publicUrl}/applications/${record.id}`,
        decisionPage: decided ? `${publicUrl}/applications/${record.id}/decision` : null,
        decisionLetterPdf: decided
          ? `${publicUrl}/applications/${record.id}/decision/${data.language}`
          : null,
        issuedDocumentPdf: decided?.documentNumber
          ? `${publicUrl}/applications/${record.id}/permit/${data.language}`
          : null,
      },
    });
  }
  const generatedAt = new Date(data.generatedAt);
  zip.file("data.json", `${JSON.stringify({ ...data, cases }, null, 2)}\n`, {
    compression: "DEFLATE",
    date: generatedAt,
  });
  zip.file("README.txt", archiveReadme(data, t, { stored, missing }), {
    compression: "DEFLATE",
    date: generatedAt,
  });
  const content = await zip.generateAsync({ type: "nodebuffer", platform: "UNIX" });
  return { content, documents: stored, missingDocuments: missing };
}
