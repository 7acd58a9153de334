import { createHash, randomBytes } from "node:crypto";
import path from "node:path";
import { type Clock, systemClock } from "../clock/index.js";
import { DomainError, NotFoundError } from "../errors/index.js";
import { hasHiddenCharactersForName } from "../http/text-rules.js";
import { DocumentCipher } from "./document-cipher.js";
import { type DocumentStore, LocalDiskDocumentStore } from "./document-store.js";
import {
  type DocumentMediaType,
  detectDocumentType,
  nameFitsContent,
  signatureLength,
} from "./document-types.js";

/** The largest document anyone may upload: 10 MB. */
export const maxDocumentBytes = 10 * 1024 * 1024;

export interface StoredDocument {
  /** Karvan's id of the document ("202605-<32 hex>"); keep it with the record that owns it. */
  id: string;
  mediaType: DocumentMediaType;
  /** Size of the original (not the encrypted) content, in bytes. */
  size: number;
  /** SHA-256 of the original content, hex: proves later that a document is the one received. */
  sha256: string;
}

export interface Documents {
  /**
   * Checks the content (accepted types only, not empty, at most 10 MB) while it streams into
   * encrypted storage. A refusal stops reading at once and leaves nothing stored; a Node stream
   * passed as it is gets destroyed then (pass `stream.iterator({ destroyOnReturn: false })` to
   * keep it open, e.g. to drain the rest of a multipart request).
   */
  storeDocument(
    content: Uint8Array | AsyncIterable<Uint8Array>,
    options: { declaredName: string },
  ): Promise<StoredDocument>;
  /** The original content; NotFoundError when there is no such document. */
  readDocument(id: string): Promise<Buffer>;
  /** Removes a document for good; removing a missing document is not an error. */
  deleteDocument(id: string): Promise<void>;
}

export type DocumentRefusal =
  | "empty"
  | "type_not_allowed"
  | "name_mismatch"
  | "name_hidden_characters"
  | "too_large";

const refusalStatus: Record<DocumentRefusal, number> = {
  empty: 422,
  type_not_allowed: 415,
  name_mismatch: 415,
  name_hidden_characters: 422,
  too_large: 413,
};

const refusalMessage: Record<DocumentRefusal, string> = {
  empty: "files.errors.empty",
  type_not_allowed: "files.errors.typeNotAllowed",
  name_mismatch: "files.errors.nameMismatch",
  name_hidden_characters: "files.errors.nameHiddenCharacters",
  too_large: "files.errors.tooLarge",
};

/** A document refused for what it is (not for a failure of the service). */
export class DocumentRefusedError extends DomainError {
  constructor(readonly reason: DocumentRefusal) {
    super(`document_${reason}`, refusalStatus[reason], refusalMessage[reason]);
    this.name = "DocumentRefusedError";
  }
}

const idPattern = /^(\d{4})(\d{2})-([0-9a-f]{32})$/;

export interface DocumentsOptions {
  store: DocumentStore;
  /** The configured file key; documents use a key derived from it for the purpose "documents". */
  fileKey: string;
  clock?: Clock;
  maxBytes?: number;
}

export function createDocuments(options: DocumentsOptions): Documents {
  const { store } = options;
  const clock = options.clock ?? systemClock;
  const maxBytes = options.maxBytes ?? maxDocumentBytes;
  const cipher = new DocumentCipher(options.fileKey);

  return {
    async storeDocument(content, { declaredName }) {
      const now = clock.now();
      const year = String(now.getUTCFullYear()).padStart(4, "0");
      const month = String(now.getUTCMonth() + 1).padStart(2, "0");
      const random = randomBytes(16).toString("hex");
      const id = `${year}${month}-${random}`;
      const inspection: Inspection = { mediaType: undefined, size: 0, sha256: "" };
      const checked = inspect(chunksOf(content), { declaredName, maxBytes }, inspection);
      await store.put(keyOf(id), cipher.encrypt(checked, id));
      if (!inspection.mediaType) throw new Error("the document was stored without being inspected");
      return { id, mediaType: inspection.mediaType, size: inspection.size, sha256: inspection.sha256 };
    },

    async readDocument(id) {
      if (!idPattern.test(id)) throw new NotFoundError("document_not_found");
      const stored = await store.get(keyOf(id));
      if (!stored) throw new NotFoundError("document_not_found");
      return cipher.decrypt(stored, id);
    },

    async deleteDocument(id) {
      if (!idPattern.test(id)) return;
      await store.delete(keyOf(id));
    },
  };
}

/** Documents on the local disk, in `<dataDir>/files`, outside anything the web server serves. */
export function createLocalDocuments(
  config: { dataDir: string; fileKey: string },
  clock: Clock = systemClock,
): Documents {
  return createDocuments({
    store: new LocalDiskDocumentStore(path.join(config.dataDir, "files")),
    fileKey: config.fileKey,
    clock,
  });
}

/** "202605-abc…" → "2026/05/abc…": documents are spread over one folder per month. */
function keyOf(id: string): string {
  const match = idPattern.exec(id);
  if (!match) throw new Error(`invalid document id: ${id}`);
  return `${match[1]}/${match[2]}/${match[3]}`;
}

interface Inspection {
  mediaType: DocumentMediaType | undefined;
  size: number;
  sha256: string;
}

async function* chunksOf(content: Uint8Array | AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  if (content instanceof Uint8Array) {
    yield Buffer.from(content.buffer, content.byteOffset, content.byteLength);
    return;
  }
  for await (const chunk of content) {
    yield Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  }
}

/**
 * Passes the content through while checking it: nothing is released until the first bytes prove
 * an accepted type, and reading stops as soon as the size limit is passed.
 */
async function* inspect(
  chunks: AsyncIterable<Buffer>,
  rules: { declaredName: string; maxBytes: number },
  result: Inspection,
): AsyncGenerator<Buffer> {
  const hash = createHash("sha256");
  let head: Buffer | undefined = Buffer.alloc(0);
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.length;
    if (size > rules.maxBytes) throw new DocumentRefusedError("too_large");
    hash.update(chunk);
    if (head === undefined) {
      yield chunk;
      continue;
    }
    head = Buffer.concat([head, chunk]);
    if (head.length < signatureLength) continue;
    result.mediaType = accept(head, rules.declaredName);
    yield head;
    head = undefined;
  }
  if (size === 0) throw new DocumentRefusedError("empty");
  if (head !== undefined) {
    result.mediaType = accept(head, rules.declaredName);
    yield head;
  }
  result.size = size;
  result.sha256 = hash.digest("hex");
}

function accept(head: Buffer, declaredName: string): DocumentMediaType {
  // A right-to-left override (U+202E) before "fdp.exe" makes the name read "exe.pdf": the name people
  // see would lie about the file, so it is refused like a name that contradicts the content.
  if (hasHiddenCharactersForName(declaredName)) throw new DocumentRefusedError("name_hidden_characters");
  const mediaType = detectDocumentType(head);
  if (!mediaType) throw new DocumentRefusedError("type_not_allowed");
  if (!nameFitsContent(declaredName, mediaType)) throw new DocumentRefusedError("name_mismatch");
  return mediaType;
}
