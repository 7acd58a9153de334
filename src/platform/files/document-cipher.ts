import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { derivePurposeKey } from "../crypto/secret-box.js";

/**
 * Documents are encrypted at rest with AES-256-GCM as they stream in, so a 10 MB upload never sits
 * in memory or on disk in the clear. Layout of a stored object:
 *
 *   "KVD1" (format and version) | 12-byte IV | ciphertext | 16-byte authentication tag
 *
 * The key is derived from the file key for the purpose "documents"; the document id is bound in
 * as additional authenticated data, so an object copied under another id fails to open.
 */
const magic = Buffer.from("KVD1", "latin1");
const ivLength = 12;
const tagLength = 16;

export class DocumentCipher {
  private readonly key: Buffer;

  constructor(fileKey: string) {
    this.key = derivePurposeKey(fileKey, "documents");
  }

  async *encrypt(plain: AsyncIterable<Buffer>, documentId: string): AsyncGenerator<Buffer> {
    const iv = randomBytes(ivLength);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    cipher.setAAD(associatedData(documentId));
    yield Buffer.concat([magic, iv]);
    for await (const chunk of plain) {
      const encrypted = cipher.update(chunk);
      if (encrypted.length > 0) yield encrypted;
    }
    const last = cipher.final();
    yield Buffer.concat([last, cipher.getAuthTag()]);
  }

  /**
   * Decrypts a whole object and checks its tag before returning anything: GCM only proves the
   * content genuine at the end, so streaming plaintext out earlier could serve tampered bytes.
   */
  decrypt(stored: Buffer, documentId: string): Buffer {
    if (stored.length < magic.length + ivLength + tagLength || !stored.subarray(0, 4).equals(magic)) {
      throw new Error("not an encrypted Karvan document");
    }
    const iv = stored.subarray(magic.length, magic.length + ivLength);
    const tag = stored.subarray(stored.length - tagLength);
    const body = stored.subarray(magic.length + ivLength, stored.length - tagLength);
    const decipher = createDecipheriv("aes-256-gcm", this.key, iv);
    decipher.setAAD(associatedData(documentId));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]);
  }
}

function associatedData(documentId: string): Buffer {
  return Buffer.from(`karvan:document:${documentId}`, "utf8");
}
