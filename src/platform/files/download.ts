import type { FastifyReply } from "fastify";
import {
  baseName,
  canonicalExtension,
  type DocumentMediaType,
  declaredExtension,
  detectDocumentType,
  nameFitsContent,
} from "./document-types.js";

const maxNameLength = 120;

/**
 * A file name that is safe to offer for saving: no folders, no control or reserved characters,
 * an extension that matches the content, not too long. Never used as a path on our side.
 */
export function safeDownloadName(declaredName: string, mediaType: DocumentMediaType | undefined): string {
  let name = baseName(declaredName)
    .normalize("NFC")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we remove
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, "")
    .replace(/[<>:"/\\|?*;]/g, "_")
    .replace(/^[.\s]+|[.\s]+$/g, "")
    .trim();
  if (!name) name = "document";
  if (mediaType && (declaredExtension(name) === undefined || !nameFitsContent(name, mediaType))) {
    name = `${name}.${canonicalExtension(mediaType)}`;
  }
  const characters = Array.from(name);
  if (characters.length > maxNameLength) {
    const extension = declaredExtension(name);
    const suffix = extension ? `.${extension}` : "";
    name = `${characters.slice(0, maxNameLength - suffix.length).join("")}${suffix}`;
  }
  return name;
}

/** Letters of Azerbaijani and other Latin alphabets that Unicode decomposition does not simplify. */
const asciiLetters: Record<string, string> = {
  ə: "e",
  Ə: "E",
  ı: "i",
  ß: "ss",
  ø: "o",
  Ø: "O",
  ł: "l",
  Ł: "L",
};

/** A plain-ASCII stand-in for old clients that ignore `filename*` ("Şəhadətnamə.pdf" → "Sehadetname.pdf"). */
function asciiFallback(name: string): string {
  return name
    .replace(/[əƏıßøØłŁ]/g, (letter) => asciiLetters[letter] ?? "_")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\%]/g, "_");
}

/** RFC 5987 value: UTF-8, percent-encoded, including the characters encodeURIComponent leaves. */
function extendedValue(name: string): string {
  return encodeURIComponent(name).replace(
    /['()*!]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266): always a download, never shown inline. */
export function attachmentDisposition(
  fileName: string,
  type: "attachment" | "inline" = "attachment",
): string {
  return `${type}; filename="${asciiFallback(fileName)}"; filename*=UTF-8''${extendedValue(fileName)}`;
}

/**
 * Sends a stored document as a download only. Its type is decided again from its bytes; the
 * browser must not guess another (nosniff), must save rather than display it (attachment), and
 * if it is opened anyway it runs with no script, no plugins, no same-origin rights (CSP sandbox).
 */
export function sendDocumentDownload(
  reply: FastifyReply,
  document: { content: Buffer; fileName: string },
): FastifyReply {
  const mediaType = detectDocumentType(document.content);
  return reply
    .header("content-type", mediaType ?? "application/octet-stream")
    .header("content-disposition", attachmentDisposition(safeDownloadName(document.fileName, mediaType)))
    .header("content-length", String(document.content.length))
    .header("x-content-type-options", "nosniff")
    .header("content-security-policy", "default-src 'none'; sandbox")
    .header("cross-origin-resource-policy", "same-origin")
    .header("cache-control", "private, no-store")
    .send(document.content);
}

/** What a browser may show itself: pictures and PDFs, as recognised from their bytes. */
const shownInBrowser = new Set<DocumentMediaType>(["image/png", "image/jpeg", "application/pdf"]);

/**
 * Sends a stored document to be shown in the browser (a picture, or a PDF in the browser's own
 * viewer). Only types recognised from the content are shown, anything else is sent as a
 * download. It is never active content of ours: nosniff, and a sandbox without scripts, same-origin
 * rights or any source to load (Chromium's PDF viewer works within it).
 */
export function sendDocumentInline(
  reply: FastifyReply,
  document: { content: Buffer; fileName: string },
): FastifyReply {
  const mediaType = detectDocumentType(document.content);
  if (!mediaType || !shownInBrowser.has(mediaType)) return sendDocumentDownload(reply, document);
  return reply
    .header("content-type", mediaType)
    .header(
      "content-disposition",
      attachmentDisposition(safeDownloadName(document.fileName, mediaType), "inline"),
    )
    .header("content-length", String(document.content.length))
    .header("x-content-type-options", "nosniff")
    .header("content-security-policy", "sandbox; default-src 'none'")
    .header("cross-origin-resource-policy", "same-origin")
    .header("cache-control", "private, no-store")
    .send(document.content);
}
