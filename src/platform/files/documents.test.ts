import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../clock/index.js";
import { NotFoundError } from "../errors/index.js";
import { createLocalDocuments, DocumentRefusedError, type Documents, maxDocumentBytes } from "./index.js";
import { filesBelow, sampleDocuments } from "./test-documents.js";

const fileKey = "a-file-key-for-tests-0123456789abcdef";

describe("document storage on the local disk", () => {
  let dataDir: string;
  let documents: Documents;
  const clock = new ManualClock("2026-05-14T10:00:00Z");

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), "karvan-documents-"));
    documents = createLocalDocuments({ dataDir, fileKey }, clock);
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const filesRoot = () => path.join(dataDir, "files");

  it("stores a PDF encrypted under files/<yyyy>/<mm>/<random id> and reads it back", async () => {
    const stored = await documents.storeDocument(sampleDocuments.pdf, { declaredName: "passport.pdf" });

    expect(stored).toEqual({
      id: expect.stringMatching(/^202605-[0-9a-f]{32}$/),
      mediaType: "application/pdf",
      size: sampleDocuments.pdf.length,
      sha256: createHash("sha256").update(sampleDocuments.pdf).digest("hex"),
    });
    const onDisk = filesBelow(filesRoot());
    expect(onDisk).toEqual([`2026/05/${stored.id.slice(7)}`]);
    const raw = readFileSync(path.join(filesRoot(), onDisk[0] ?? ""));
    expect(raw.subarray(0, 4).toString("latin1")).toBe("KVD1");
    expect(raw.includes(Buffer.from("KARVAN-PLAINTEXT-MARKER"))).toBe(false);
    expect(raw.includes(Buffer.from("%PDF-"))).toBe(false);
    expect(await documents.readDocument(stored.id)).toEqual(sampleDocuments.pdf);
  });

  it("accepts JPEG and PNG content arriving as a stream of small chunks", async () => {
    for (const [content, name, mediaType] of [
      [sampleDocuments.jpeg, "photo.JPG", "image/jpeg"],
      [sampleDocuments.png, "scan.png", "image/png"],
      [sampleDocuments.jpeg, "no-extension", "image/jpeg"],
    ] as const) {
      async function* oneByteAtATime() {
        for (const byte of content) yield Buffer.from([byte]);
      }
      const stored = await documents.storeDocument(oneByteAtATime(), { declaredName: name });
      expect(stored.mediaType).toBe(mediaType);
      expect(await documents.readDocument(stored.id)).toEqual(content);
    }
  });

  it.each([
    ["a PDF with a .png name", sampleDocuments.pdf, "scan.png", "document_name_mismatch", 415],
    ["a PNG with a .pdf name", sampleDocuments.png, "form.pdf", "document_name_mismatch", 415],
    ["HTML named as a PDF", sampleDocuments.html, "form.pdf", "document_type_not_allowed", 415],
    ["HTML", sampleDocuments.html, "page.html", "document_type_not_allowed", 415],
    ["SVG", sampleDocuments.svg, "drawing.svg", "document_type_not_allowed", 415],
    ["a zip archive", sampleDocuments.zip, "papers.zip", "document_type_not_allowed", 415],
    ["an empty file", Buffer.alloc(0), "empty.pdf", "document_empty", 422],
    ["three bytes that are not a type", Buffer.from("%PD"), "short.pdf", "document_type_not_allowed", 415],
    [
      "a name with a right-to-left override",
      sampleDocuments.pdf,
      "scan\u202Egnp.pdf",
      "document_name_hidden_characters",
      422,
    ],
    ["a name with an isolate", sampleDocuments.pdf, "scan\u2067.pdf", "document_name_hidden_characters", 422],
    [
      "a name with a right-to-left mark",
      sampleDocuments.pdf,
      "scan\u200F.pdf",
      "document_name_hidden_characters",
      422,
    ],
  ])("refuses %s and leaves nothing on disk", async (_label, content, declaredName, code, status) => {
    const refusal = await documents.storeDocument(content, { declaredName }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DocumentRefusedError);
    expect(refusal).toMatchObject({ code, status });
    expect(filesBelow(filesRoot())).toEqual([]);
  });

  it("stops reading a stream as soon as it passes 10 MB and keeps nothing", async () => {
    const chunk = Buffer.alloc(256 * 1024, 0x20);
    let pulled = 0;
    async function* hugePdf() {
      yield Buffer.from("%PDF-1.7\n");
      for (let index = 0; index < 200; index++) {
        pulled += chunk.length;
        yield chunk;
      }
    }
    const refusal = await documents
      .storeDocument(hugePdf(), { declaredName: "huge.pdf" })
      .catch((error: unknown) => error);

    expect(refusal).toMatchObject({ code: "document_too_large", status: 413 });
    expect(pulled).toBeLessThanOrEqual(maxDocumentBytes + chunk.length);
    expect(filesBelow(filesRoot())).toEqual([]);
  });

  it("accepts exactly 10 MB", async () => {
    const content = Buffer.alloc(maxDocumentBytes, 0x20);
    sampleDocuments.pdf.copy(content);
    const stored = await documents.storeDocument(content, { declaredName: "limit.pdf" });
    expect(stored.size).toBe(maxDocumentBytes);
  });

  it("keeps nothing when the source itself fails part-way", async () => {
    async function* brokenUpload() {
      yield sampleDocuments.pdf;
      throw new Error("connection reset");
    }
    await expect(documents.storeDocument(brokenUpload(), { declaredName: "x.pdf" })).rejects.toThrow(
      "connection reset",
    );
    expect(filesBelow(filesRoot())).toEqual([]);
  });

  it("treats unknown and malformed ids as not found, never as paths", async () => {
    for (const id of [
      "202605-00000000000000000000000000000000",
      "../../local-secrets.json",
      "2026/05/x",
      "",
    ]) {
      await expect(documents.readDocument(id)).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(documents.deleteDocument("../../local-secrets.json")).resolves.toBeUndefined();
  });

  it("deletes a document", async () => {
    const stored = await documents.storeDocument(sampleDocuments.png, { declaredName: "a.png" });
    await documents.deleteDocument(stored.id);
    expect(filesBelow(filesRoot())).toEqual([]);
    await expect(documents.readDocument(stored.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses to open a document that was altered, moved to another id or read with another key", async () => {
    const stored = await documents.storeDocument(sampleDocuments.pdf, { declaredName: "a.pdf" });
    const file = path.join(filesRoot(), "2026", "05", stored.id.slice(7));
    const original = readFileSync(file);

    const otherKey = createLocalDocuments(
      { dataDir, fileKey: "another-file-key-0123456789abcdefghij" },
      clock,
    );
    await expect(otherKey.readDocument(stored.id)).rejects.toThrow();

    const moved = "202605-ffffffffffffffffffffffffffffffff";
    writeFileSync(path.join(filesRoot(), "2026", "05", moved.slice(7)), original);
    await expect(documents.readDocument(moved)).rejects.toThrow();

    const altered = Buffer.from(original);
    altered[30] = (altered[30] ?? 0) ^ 0x01;
    writeFileSync(file, altered);
    await expect(documents.readDocument(stored.id)).rejects.toThrow();
  });
});
