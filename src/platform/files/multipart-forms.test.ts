import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { loadConfig } from "../config/index.js";
import { createHttpServer, createI18n, createViewEnvironment } from "../http/index.js";
import {
  createLocalDocuments,
  type Documents,
  maxDocumentBytes,
  readMultipartForm,
  registerMultipartForms,
} from "./index.js";
import { filesBelow, sampleDocuments } from "./test-documents.js";

const sourceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

type Part = { name: string; value: string } | { name: string; content: Buffer; fileName: string };

/** A multipart/form-data body as a browser sends it (parts in document order). */
async function multipart(parts: Part[]): Promise<{ payload: Buffer; contentType: string }> {
  const boundary = "----KarvanTestBoundary7MA4YWxkTrZu0gW";
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition =
      "value" in part
        ? `form-data; name="${part.name}"`
        : `form-data; name="${part.name}"; filename="${part.fileName}"`;
    const headers = `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${
      "value" in part ? "" : "Content-Type: application/octet-stream\r\n"
    }\r\n`;
    chunks.push(
      Buffer.from(headers, "utf8"),
      "value" in part ? Buffer.from(part.value, "utf8") : part.content,
    );
    chunks.push(Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

interface UploadAnswer {
  fields: Record<string, string | string[]>;
  files: Array<{ fieldName: string; declaredName: string; id: string; mediaType: string }>;
  refused: Array<{ fieldName: string; code: string }>;
}

describe("multipart forms", () => {
  let dataDir: string;
  let app: FastifyInstance;
  let documents: Documents;
  let csrf: { token: string; cookie: string };
  const filesRoot = () => path.join(dataDir, "files");

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), "karvan-multipart-"));
    const config = loadConfig({ NODE_ENV: "test", KARVAN_DATA_DIR: dataDir, LOG_LEVEL: "silent" });
    documents = createLocalDocuments(config);
    app = await createHttpServer({
      config,
      i18n: await createI18n(sourceRoot),
      views: createViewEnvironment(sourceRoot),
      assetsDir: dataDir,
      checkReadiness: async () => undefined,
      logger: false,
    });
    await registerMultipartForms(app);
    app.get("/form", async (_request, reply) => ({ token: reply.generateCsrf() }));
    app.post<{ Querystring: { keep?: string; fail?: string } }>("/upload", async (request) => {
      const form = await readMultipartForm(request, documents);
      if (request.query.fail) throw new Error("the record could not be saved");
      if (request.query.keep) form.keep();
      return {
        fields: form.fields,
        files: form.files.map(({ fieldName, declaredName, document }) => ({
          fieldName,
          declaredName,
          id: document.id,
          mediaType: document.mediaType,
        })),
        refused: form.refused.map(({ fieldName, error }) => ({ fieldName, code: error.code })),
      } satisfies UploadAnswer;
    });
    await app.ready();

    const page = await app.inject({ method: "GET", url: "/form" });
    const cookie = page.cookies.find((candidate) => candidate.name === "karvan_csrf");
    csrf = { token: page.json<{ token: string }>().token, cookie: `karvan_csrf=${cookie?.value}` };
  });

  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  beforeEach(() => rmSync(filesRoot(), { recursive: true, force: true }));

  async function upload(parts: Part[], options: { query?: string; headers?: Record<string, string> } = {}) {
    const { payload, contentType } = await multipart(parts);
    return app.inject({
      method: "POST",
      url: `/upload${options.query ?? ""}`,
      headers: {
        cookie: csrf.cookie,
        accept: "application/json",
        "content-type": contentType,
        ...options.headers,
      },
      payload,
    });
  }

  const token = (): Part => ({ name: "_csrf", value: csrf.token });

  it("reads fields and stores files when the form sends its CSRF token first", async () => {
    const response = await upload(
      [
        token(),
        { name: "fullName", value: "Ələkbərov Şahin" },
        { name: "passport", content: sampleDocuments.pdf, fileName: "pasport.pdf" },
        { name: "photo", content: sampleDocuments.jpeg, fileName: "şəkil.jpg" },
        { name: "tags", value: "a" },
        { name: "tags", value: "b" },
      ],
      { query: "?keep=1" },
    );

    expect(response.statusCode).toBe(200);
    const answer = response.json<UploadAnswer>();
    expect(answer.fields).toEqual({ fullName: "Ələkbərov Şahin", tags: ["a", "b"] });
    expect(
      answer.files.map(({ fieldName, declaredName, mediaType }) => [fieldName, declaredName, mediaType]),
    ).toEqual([
      ["passport", "pasport.pdf", "application/pdf"],
      ["photo", "şəkil.jpg", "image/jpeg"],
    ]);
    expect(answer.refused).toEqual([]);
    expect(await documents.readDocument(answer.files[0]?.id ?? "")).toEqual(sampleDocuments.pdf);
    expect(filesBelow(filesRoot())).toHaveLength(2);
  });

  it("accepts the token in the x-csrf-token header instead (scripts)", async () => {
    const response = await upload([{ name: "passport", content: sampleDocuments.png, fileName: "p.png" }], {
      headers: { "x-csrf-token": csrf.token },
    });
    expect(response.statusCode).toBe(200);
  });

  it.each([
    ["no token at all", [{ name: "passport", content: sampleDocuments.pdf, fileName: "p.pdf" }]],
    [
      "a token that comes after the file",
      [
        { name: "passport", content: sampleDocuments.pdf, fileName: "p.pdf" },
        { name: "_csrf", value: "later" },
      ],
    ],
    [
      "a wrong token",
      [
        { name: "_csrf", value: "not-the-token" },
        { name: "passport", content: sampleDocuments.pdf, fileName: "p.pdf" },
      ],
    ],
  ] as Array<[string, Part[]]>)(
    "refuses a form with %s (403) before storing anything",
    async (_label, parts) => {
      const response = await upload(parts);
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ error: { code: "csrf_invalid" } });
      expect(filesBelow(filesRoot())).toEqual([]);
    },
  );

  it("refuses the token placed later even when the real token is sent (it must come first)", async () => {
    const response = await upload([
      { name: "note", value: "hello" },
      token(),
      { name: "passport", content: sampleDocuments.pdf, fileName: "p.pdf" },
    ]);
    expect(response.statusCode).toBe(403);
  });

  it("reports refused files at their field and still reads the rest of the form", async () => {
    const response = await upload(
      [
        token(),
        { name: "passport", content: sampleDocuments.html, fileName: "passport.pdf" },
        { name: "photo", content: sampleDocuments.pdf, fileName: "photo.png" },
        { name: "empty", content: Buffer.alloc(0), fileName: "empty.pdf" },
        { name: "none", content: Buffer.alloc(0), fileName: "" },
        { name: "letter", content: sampleDocuments.pdf, fileName: "letter.pdf" },
        { name: "fullName", value: "Kept" },
      ],
      { query: "?keep=1" },
    );

    expect(response.statusCode).toBe(200);
    const answer = response.json<UploadAnswer>();
    expect(answer.refused).toEqual([
      { fieldName: "passport", code: "document_type_not_allowed" },
      { fieldName: "photo", code: "document_name_mismatch" },
      { fieldName: "empty", code: "document_empty" },
    ]);
    expect(answer.files.map((file) => file.fieldName)).toEqual(["letter"]);
    expect(answer.fields).toEqual({ fullName: "Kept" });
    expect(filesBelow(filesRoot())).toHaveLength(1);
  });

  it("refuses a file over 10 MB without keeping any of it", async () => {
    const big = Buffer.alloc(maxDocumentBytes + 1024, 0x20);
    sampleDocuments.pdf.copy(big);
    const response = await upload(
      [token(), { name: "scan", content: big, fileName: "scan.pdf" }, { name: "after", value: "still read" }],
      { query: "?keep=1" },
    );

    expect(response.statusCode).toBe(200);
    const answer = response.json<UploadAnswer>();
    expect(answer.refused).toEqual([{ fieldName: "scan", code: "document_too_large" }]);
    expect(answer.fields).toEqual({ after: "still read" });
    expect(filesBelow(filesRoot())).toEqual([]);
  });

  it("deletes the stored files when the handler does not keep them", async () => {
    const response = await upload([
      token(),
      { name: "passport", content: sampleDocuments.pdf, fileName: "p.pdf" },
    ]);
    expect(response.statusCode).toBe(200);
    const [file] = response.json<UploadAnswer>().files;
    // Deleted once the response has gone out (onResponse), just after inject resolves.
    await vi.waitFor(() => expect(filesBelow(filesRoot())).toEqual([]));
    await expect(documents.readDocument(file?.id ?? "")).rejects.toThrow();
  });

  it("deletes the stored files when the request fails after the upload", async () => {
    const response = await upload(
      [token(), { name: "passport", content: sampleDocuments.pdf, fileName: "p.pdf" }],
      {
        query: "?fail=1",
      },
    );
    expect(response.statusCode).toBe(500);
    await vi.waitFor(() => expect(filesBelow(filesRoot())).toEqual([]));
  });

  it("refuses a text field with a NUL or a control character (422 naming the field), keeping no file", async () => {
    const response = await upload(
      [
        token(),
        { name: "passport", content: sampleDocuments.pdf, fileName: "p.pdf" },
        { name: "description", value: "Pasport\u0000" },
        { name: "documentType", value: "pass\u0007port" },
        { name: "note", value: "two\nlines" },
      ],
      { query: "?keep=1" },
    );
    expect(response.statusCode).toBe(422);
    const { error } = response.json<{
      error: { code: string; details: { problems: Array<{ field: string }> } };
    }>();
    expect(error.code).toBe("invalid_characters");
    expect(error.details.problems.map((problem) => problem.field)).toEqual(["description", "documentType"]);
    expect(filesBelow(filesRoot())).toEqual([]);
  });

  it("refuses more than 10 files (413) and deletes those already stored", async () => {
    const files: Part[] = Array.from({ length: 11 }, (_, index) => ({
      name: `file${index}`,
      content: sampleDocuments.png,
      fileName: `${index}.png`,
    }));
    const response = await upload([token(), ...files], { query: "?keep=1" });
    expect(response.statusCode).toBe(413);
    expect(filesBelow(filesRoot())).toEqual([]);
  });

  it("refuses a multipart request from a browser that never loaded our form (no CSRF cookie)", async () => {
    const { payload, contentType } = await multipart([{ name: "note", value: "x" }]);
    const response = await app.inject({
      method: "POST",
      url: "/upload",
      headers: { accept: "application/json", "content-type": contentType },
      payload,
    });
    expect(response.statusCode).toBe(403);
  });
});
