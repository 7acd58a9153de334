import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import {
  attachmentDisposition,
  safeDownloadName,
  sendDocumentDownload,
  sendDocumentInline,
} from "./index.js";
import { sampleDocuments } from "./test-documents.js";

describe("safe download names", () => {
  it.each([
    ["Şəhadətnamə.pdf", "application/pdf", "Şəhadətnamə.pdf"],
    ["C:\\fakepath\\passport.pdf", "application/pdf", "passport.pdf"],
    ["../../etc/passwd", "application/pdf", "passwd.pdf"],
    ["scan.png", "application/pdf", "scan.png.pdf"],
    ["photo", "image/jpeg", "photo.jpg"],
    ['a"b;c\r\nSet-Cookie: x=1.pdf', "application/pdf", "a_b_cSet-Cookie_ x=1.pdf"],
    ["...", "image/png", "document.png"],
    ["", undefined, "document"],
  ] as const)("%s (%s) → %s", (declared, mediaType, expected) => {
    expect(safeDownloadName(declared, mediaType)).toBe(expected);
  });

  it("shortens very long names and keeps the extension", () => {
    const name = safeDownloadName(`${"ə".repeat(500)}.pdf`, "application/pdf");
    expect(Array.from(name)).toHaveLength(120);
    expect(name.endsWith(".pdf")).toBe(true);
  });

  it("writes an RFC 6266 attachment header with an ASCII fallback and the UTF-8 name", () => {
    expect(attachmentDisposition("Şəhadətnamə (1).pdf")).toBe(
      "attachment; filename=\"Sehadetname (1).pdf\"; filename*=UTF-8''%C5%9E%C9%99had%C9%99tnam%C9%99%20%281%29.pdf",
    );
    expect(attachmentDisposition("Паспорт.pdf")).toBe(
      "attachment; filename=\"_______.pdf\"; filename*=UTF-8''%D0%9F%D0%B0%D1%81%D0%BF%D0%BE%D1%80%D1%82.pdf",
    );
  });
});

describe("sending a document", () => {
  async function download(content: Buffer, fileName: string) {
    const app = Fastify();
    app.get("/download", (_request, reply) => sendDocumentDownload(reply, { content, fileName }));
    const response = await app.inject({ method: "GET", url: "/download" });
    await app.close();
    return response;
  }

  it("sends it as an attachment only, with its real type, nosniff and a sandbox policy", async () => {
    const response = await download(sampleDocuments.pdf, "Şəhadətnamə.png");

    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/pdf");
    expect(response.headers["content-disposition"]).toMatch(
      /^attachment; filename="Sehadetname\.png\.pdf"; /,
    );
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["content-security-policy"]).toContain("sandbox");
    expect(response.headers["cache-control"]).toContain("no-store");
    expect(response.rawPayload).toEqual(sampleDocuments.pdf);
  });

  it("shows pictures and PDFs inline (sandboxed, nosniff) and sends anything else as a download", async () => {
    const app = Fastify();
    app.get<{ Params: { kind: "png" | "html" } }>("/view/:kind", (request, reply) =>
      sendDocumentInline(reply, { content: sampleDocuments[request.params.kind], fileName: "scan" }),
    );
    const picture = await app.inject({ method: "GET", url: "/view/png" });
    const page = await app.inject({ method: "GET", url: "/view/html" });
    await app.close();
    expect(picture.headers["content-type"]).toBe("image/png");
    expect(picture.headers["content-disposition"]).toMatch(/^inline; filename="scan\.png"/);
    expect(picture.headers["x-content-type-options"]).toBe("nosniff");
    expect(picture.headers["content-security-policy"]).toBe("sandbox; default-src 'none'");
    expect(page.headers["content-type"]).toBe("application/octet-stream");
    expect(page.headers["content-disposition"]).toMatch(/^attachment;/);
  });

  it("never labels unknown content as something a browser would render", async () => {
    const response = await download(sampleDocuments.html, "page.html");
    expect(response.headers["content-type"]).toBe("application/octet-stream");
    expect(response.headers["content-disposition"]).toMatch(/^attachment;/);
  });
});
