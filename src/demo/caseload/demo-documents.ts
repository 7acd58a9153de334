import type { CaseEvent, CaseTypeDefinition, NewCaseHistory } from "../../modules/cases/index.js";
import type { Documents } from "../../platform/files/index.js";
import { renderPdf } from "../../platform/pdf/index.js";
import { qrPngDataUrl } from "../../platform/qr/index.js";

/** The kinds of file the demo applicants upload: scanned PDFs and pictures. */
export type DemoMediaType = "application/pdf" | "image/png";

export interface DemoDocumentFile {
  id: string;
  mediaType: DemoMediaType;
  size: number;
  sha256: string;
}

/**
 * DEMO ONLY: the files behind the demo cases' documents, stored (encrypted) through the same
 * document store as real uploads, so that officers can open and download every one. One file per
 * requirement and kind is shared by the submitted cases (they can no longer be changed); a draft
 * an applicant can still edit gets copies of its own (`copyFor`), since removing a document from
 * a draft deletes its file.
 */
export interface DemoDocumentFiles {
  shared(code: string, mediaType: DemoMediaType): DemoDocumentFile;
  copyFor(code: string, mediaType: DemoMediaType): Promise<DemoDocumentFile>;
}

/** A made-up document: its name in the three languages and a clear "demonstration" notice. */
function demoPdf(requirement: CaseTypeDefinition["documents"][number]): Promise<Buffer> {
  return renderPdf({
    info: { title: `Karvan demo – ${requirement.name.en}` },
    pageSize: "A5",
    content: [
      { text: "NÜMAYİŞ · DEMO · ДЕМО", bold: true, fontSize: 16, margin: [0, 0, 0, 12] },
      { text: requirement.name.az, fontSize: 13 },
      { text: requirement.name.en, fontSize: 13 },
      { text: requirement.name.ru, fontSize: 13, margin: [0, 0, 0, 12] },
      {
        text: [
          "Bu sənəd nümayiş üçün uydurulub; heç bir real şəxsə aid deyil.\n",
          "This document is made up for the demonstration; it belongs to no real person.\n",
          "Этот документ выдуман для демонстрации и не относится ни к одному реальному человеку.",
        ],
        fontSize: 9,
      },
    ],
  });
}

/** A picture standing in for a scan: a QR code naming the requirement. */
async function demoPng(requirement: CaseTypeDefinition["documents"][number]): Promise<Buffer> {
  const dataUrl = await qrPngDataUrl(`Karvan demo: ${requirement.name.en}`, 240);
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(",") + 1), "base64");
}

/** Makes and stores one PDF and one picture for every document requirement of these case types. */
export async function storeDemoDocumentFiles(
  documents: Documents,
  definitions: CaseTypeDefinition[],
): Promise<DemoDocumentFiles> {
  const contents = new Map<string, Buffer>();
  for (const requirement of definitions.flatMap((definition) => definition.documents)) {
    if (contents.has(`${requirement.code}|application/pdf`)) continue;
    contents.set(`${requirement.code}|application/pdf`, await demoPdf(requirement));
    contents.set(`${requirement.code}|image/png`, await demoPng(requirement));
  }
  const store = async (key: string): Promise<DemoDocumentFile> => {
    const content = contents.get(key);
    if (!content) throw new Error(`no demo document for ${key}`);
    const [code, mediaType] = key.split("|") as [string, DemoMediaType];
    const stored = await documents.storeDocument(content, {
      declaredName: `${code}.${mediaType === "application/pdf" ? "pdf" : "png"}`,
    });
    return { id: stored.id, mediaType, size: stored.size, sha256: stored.sha256 };
  };
  const shared = new Map<string, DemoDocumentFile>();
  for (const key of contents.keys()) shared.set(key, await store(key));
  return {
    shared(code, mediaType) {
      const file = shared.get(`${code}|${mediaType}`);
      if (!file) throw new Error(`no demo document for ${code}`);
      return file;
    },
    copyFor: (code, mediaType) => store(`${code}|${mediaType}`),
  };
}

/** The file name an applicant's upload of this kind would carry. */
export function demoFileName(code: string, mediaType: DemoMediaType): string {
  return `${code}.${mediaType === "application/pdf" ? "pdf" : "png"}`;
}

/**
 * A draft's history with copies of its own of every attached file: the applicant may still
 * remove one, which deletes it, and the shared file must outlive that.
 */
export async function withOwnCopies(
  history: NewCaseHistory,
  files: DemoDocumentFiles,
): Promise<NewCaseHistory> {
  const copies = new Map<string, DemoDocumentFile>();
  const events: CaseEvent[] = [];
  for (const event of history.events) {
    if (event.type !== "case.document_attached") {
      events.push(event);
      continue;
    }
    const copy = await files.copyFor(event.payload.code, event.payload.mediaType as DemoMediaType);
    copies.set(event.payload.documentId, copy);
    events.push({
      ...event,
      payload: { ...event.payload, documentId: copy.id, size: copy.size, sha256: copy.sha256 },
    });
  }
  const documents = history.state.documents.map((document) => {
    const copy = copies.get(document.documentId);
    return copy ? { ...document, documentId: copy.id, size: copy.size, sha256: copy.sha256 } : document;
  });
  return { events, state: { ...history.state, documents } };
}
