import { finished } from "node:stream/promises";
import multipart, { type Multipart } from "@fastify/multipart";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { DomainError } from "../errors/index.js";
import { hasHiddenOrControlCharacters } from "../http/text-rules.js";
import { DocumentRefusedError, type Documents, maxDocumentBytes, type StoredDocument } from "./documents.js";

/**
 * Forms with file inputs (`enctype="multipart/form-data"`).
 *
 * CSRF. The global CSRF check (a preHandler) reads the token from `request.body._csrf` or from
 * a `csrf-token` / `x-csrf-token` header (@fastify/csrf-protection's default getToken). A
 * multipart body is not parsed before handlers, so on its own the check would find nothing.
 * Rather than weaken that check or put the token in the URL (where logs and history keep it),
 * a preValidation hook reads the FIRST part of every multipart request: when it is the field
 * `_csrf`, its value becomes `request.body._csrf`, and the unchanged global check verifies it
 * before any file is read or stored. So a multipart form needs its hidden `_csrf` input as its
 * first control (browsers send fields in document order); scripts may send the header instead.
 * A request whose first part is anything else and that has no header fails the check (403).
 *
 * Routes then read the rest with `readMultipartForm` (never `request.file()` / `parts()`, which
 * would start over on a body already being read).
 */

export const multipartLimits = {
  /** Files per request. */
  files: 10,
  /** Non-file fields per request. */
  fields: 50,
  /** Bytes of one text field. */
  fieldSize: 100 * 1024,
  /** Bytes of one file: 10 MB. */
  fileSize: maxDocumentBytes,
} as const;

export interface UploadedFile {
  /** The form field the file came in ("passport"). */
  fieldName: string;
  /** The name the sender gave the file: for display only, never a path. */
  declaredName: string;
  document: StoredDocument;
}

export interface RefusedFile {
  fieldName: string;
  declaredName: string;
  /** Why: show `request.t(error.messageKey)` at the field. */
  error: DocumentRefusedError;
}

export interface MultipartForm {
  /** Text fields, shaped like a url-encoded body (a repeated name gives an array) for `parseForm`. */
  fields: Record<string, string | string[]>;
  /** Files accepted and already stored (encrypted). */
  files: UploadedFile[];
  /** Files refused for their content (type, name, size, empty); the rest of the form was read. */
  refused: RefusedFile[];
  /**
   * Keeps the stored files. Call it once the records pointing to them are saved: files not kept
   * are deleted when the response has been sent, so a failed or re-shown form leaves no orphans.
   */
  keep(): void;
}

interface MultipartState {
  parts: AsyncIterator<Multipart>;
  /** The part read ahead for the CSRF check, handed to the reader first. */
  first: IteratorResult<Multipart> | undefined;
  read: boolean;
  stored: string[];
  documents: Documents | undefined;
  kept: boolean;
  settled: boolean;
  handled: boolean;
  connectionClosed: boolean;
}

const states = new WeakMap<FastifyRequest, MultipartState>();

/** Registers multipart parsing with Karvan's limits; call before the routes that take uploads. */
export async function registerMultipartForms(app: FastifyInstance): Promise<void> {
  await app.register(multipart, {
    limits: {
      files: multipartLimits.files,
      fields: multipartLimits.fields,
      fieldSize: multipartLimits.fieldSize,
      parts: multipartLimits.files + multipartLimits.fields,
      // One byte more than allowed, so that the document store sees an oversized file and
      // refuses it (busboy alone would silently cut it to the limit).
      fileSize: multipartLimits.fileSize + 1,
    },
    throwFileSizeLimit: false,
  });

  app.addHook("preValidation", async (request, reply) => {
    if (!request.isMultipart()) return;
    const parts = request.parts();
    const state: MultipartState = {
      parts,
      first: undefined,
      read: false,
      stored: [],
      documents: undefined,
      kept: false,
      settled: false,
      handled: false,
      connectionClosed: false,
    };
    states.set(request, state);
    // A client that goes away mid-request: clean up once the handler has finished with the files.
    reply.raw.once("close", () => {
      state.connectionClosed = true;
      if (state.handled) void settle(request, state);
    });
    state.first = await parts.next().catch((error: unknown) => {
      throw asRequestError(error);
    });
    const first = state.first.done ? undefined : state.first.value;
    if (first?.type === "field" && first.fieldname === "_csrf" && typeof first.value === "string") {
      request.body = { _csrf: first.value };
    }
  });

  app.addHook("onSend", async (request, _reply, payload) => {
    const state = states.get(request);
    if (state) {
      state.handled = true;
      if (state.connectionClosed) await settle(request, state);
    }
    return payload;
  });

  app.addHook("onResponse", async (request) => {
    const state = states.get(request);
    if (state) await settle(request, state);
  });
}

/**
 * Reads a multipart request: text fields into `fields`, each file streamed into the document
 * store as it arrives (checked, encrypted). On a failure part-way (too many files, a broken
 * body), the files stored so far are deleted before the error is thrown.
 */
export async function readMultipartForm(
  request: FastifyRequest,
  documents: Documents,
): Promise<MultipartForm> {
  const state = states.get(request);
  if (!request.isMultipart() || !state) {
    throw new DomainError("multipart_expected", 415, "errors.unsupported_media");
  }
  if (state.read) throw new Error("readMultipartForm may be called once per request");
  state.read = true;
  state.documents = documents;

  const fields: Record<string, string | string[]> = {};
  const files: UploadedFile[] = [];
  const refused: RefusedFile[] = [];
  try {
    let next = state.first ?? (await state.parts.next());
    while (!next.done) {
      const part = next.value;
      if (part.type === "field") {
        if (part.valueTruncated) throw new DomainError("multipart_field_too_large", 413, "errors.too_large");
        if (part.fieldname !== "_csrf") addField(fields, part.fieldname, String(part.value));
      } else if (part.filename === "") {
        // A file input left empty: browsers still send a part, with no name and no content.
        await drain(part.file);
      } else {
        try {
          const document = await documents.storeDocument(part.file.iterator({ destroyOnReturn: false }), {
            declaredName: part.filename,
          });
          state.stored.push(document.id);
          files.push({ fieldName: part.fieldname, declaredName: part.filename, document });
        } catch (error) {
          if (!(error instanceof DocumentRefusedError)) throw error;
          refused.push({ fieldName: part.fieldname, declaredName: part.filename, error });
        }
        // Whatever was not read (a refused file), so that the parts after it can be parsed.
        await drain(part.file);
      }
      next = await state.parts.next();
    }
    refuseHiddenCharacters(request, fields);
  } catch (error) {
    await discardStored(request, state);
    throw asRequestError(error);
  }
  return {
    fields,
    files,
    refused,
    keep() {
      state.kept = true;
    },
  };
}

/**
 * Text fields get the refusal every JSON and form body gets (422 `invalid_characters` naming each
 * field), widened to control and bidirectional characters: line breaks and tabs stay allowed, since
 * a description may take several lines. Thrown before the route sees the fields, so the files
 * already stored are discarded with it.
 */
function refuseHiddenCharacters(request: FastifyRequest, fields: Record<string, string | string[]>): void {
  const names = Object.entries(fields)
    .filter(
      ([name, value]) =>
        hasHiddenOrControlCharacters(name) ||
        (Array.isArray(value) ? value : [value]).some((one) => hasHiddenOrControlCharacters(one, true)),
    )
    .map(([name]) => name);
  if (names.length === 0) return;
  throw new DomainError(
    "invalid_characters",
    422,
    "errors.invalid_characters",
    {
      problems: names.map((field) => ({
        field,
        messageKey: "errors.invalid_characters_field",
        message: request.t("errors.invalid_characters_field"),
      })),
    },
    { fields: names.join(", ") },
  );
}

function addField(fields: Record<string, string | string[]>, name: string, value: string): void {
  const existing = fields[name];
  if (existing === undefined) fields[name] = value;
  else if (Array.isArray(existing)) existing.push(value);
  else fields[name] = [existing, value];
}

async function drain(stream: NodeJS.ReadableStream & { destroyed?: boolean }): Promise<void> {
  if (stream.destroyed) return;
  stream.resume();
  await finished(stream).catch(() => undefined);
}

async function settle(request: FastifyRequest, state: MultipartState): Promise<void> {
  if (state.settled) return;
  state.settled = true;
  // A body nobody read to the end (a refused CSRF check, an error part-way): let Node discard
  // the rest instead of leaving the parser waiting on a file stream no one will read.
  if (!request.raw.readableEnded) {
    request.raw.unpipe();
    request.raw.resume();
  }
  if (!state.kept) await discardStored(request, state);
}

async function discardStored(request: FastifyRequest, state: MultipartState): Promise<void> {
  const ids = state.stored.splice(0);
  for (const id of ids) {
    try {
      await state.documents?.deleteDocument(id);
    } catch (error) {
      request.log.error({ err: error, documentId: id }, "could not delete an unused upload");
    }
  }
}

/** Limit errors keep their 413; anything else wrong with the body is the sender's 400. */
function asRequestError(error: unknown): unknown {
  if (error instanceof DomainError) return error;
  const status = (error as { statusCode?: number }).statusCode;
  if (typeof status === "number" && status >= 400 && status < 500) return error;
  if (error instanceof Error && /multipart|boundary|part terminated|unexpected end/i.test(error.message)) {
    return new DomainError("multipart_invalid", 400, "errors.bad_request");
  }
  return error;
}
