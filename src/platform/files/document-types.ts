/**
 * The kinds of documents people may upload, recognised by their first bytes ("magic numbers"),
 * never by the name or the Content-Type the browser sends: both are chosen by the sender.
 */
export const documentTypes = [
  { mediaType: "application/pdf", signature: Buffer.from("%PDF-", "latin1"), extensions: ["pdf"] },
  { mediaType: "image/jpeg", signature: Buffer.from([0xff, 0xd8, 0xff]), extensions: ["jpg", "jpeg"] },
  {
    mediaType: "image/png",
    signature: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    extensions: ["png"],
  },
] as const;

export type DocumentMediaType = (typeof documentTypes)[number]["mediaType"];

/** How many leading bytes are enough to recognise every accepted type. */
export const signatureLength = Math.max(...documentTypes.map((type) => type.signature.length));

/** The accepted type whose signature starts these bytes, or undefined for anything else. */
export function detectDocumentType(head: Uint8Array): DocumentMediaType | undefined {
  const bytes = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  return documentTypes.find(
    (type) =>
      bytes.length >= type.signature.length &&
      bytes.subarray(0, type.signature.length).equals(type.signature),
  )?.mediaType;
}

/** The extension of a declared file name ("Passport.JPG" → "jpg"), if it has a plausible one. */
export function declaredExtension(declaredName: string): string | undefined {
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(baseName(declaredName));
  return match?.[1]?.toLowerCase();
}

/**
 * True when the declared name does not contradict the content: a PDF called "scan.png" is refused
 * (whoever sent it is mistaken or hiding something), a name without an extension is accepted.
 */
export function nameFitsContent(declaredName: string, mediaType: DocumentMediaType): boolean {
  const extension = declaredExtension(declaredName);
  if (extension === undefined) return true;
  const type = documentTypes.find((candidate) => candidate.mediaType === mediaType);
  return (type?.extensions as readonly string[] | undefined)?.includes(extension) ?? false;
}

/** The usual extension of a media type, for names that lack one. */
export function canonicalExtension(mediaType: DocumentMediaType): string {
  const type = documentTypes.find((candidate) => candidate.mediaType === mediaType);
  return type?.extensions[0] ?? "bin";
}

/** The last path segment of a name sent by a browser (some send "C:\\fakepath\\x.pdf"). */
export function baseName(declaredName: string): string {
  return declaredName.split(/[\\/]/).pop() ?? "";
}

const typeLabelKeys: Record<DocumentMediaType, string> = {
  "application/pdf": "files.types.pdf",
  "image/jpeg": "files.types.jpeg",
  "image/png": "files.types.png",
};

/**
 * The message key naming a document's type for people ("PDF document", "JPEG image"): the type found
 * in its content when it was received, never what its name's extension claims.
 */
export function documentTypeLabelKey(mediaType: string): string {
  return typeLabelKeys[mediaType as DocumentMediaType] ?? "files.types.other";
}
