import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError } from "../../config/index.js";
import { renderPdf } from "../render-pdf.js";
import { createDocumentSeal, createSelfSignedSealP12, type DocumentSeal, demoSealFile } from "./index.js";

const folder = mkdtempSync(path.join(tmpdir(), "karvan-seal-"));
const passphrase = "correct horse battery staple";
const contactInfo = "https://karvan.example.az/verify";
let authority: DocumentSeal;
let impostor: DocumentSeal;
let unsigned: Buffer;
let sealed: Buffer;

function p12File(name: string, demo: boolean): string {
  const file = path.join(folder, name);
  writeFileSync(file, createSelfSignedSealP12({ commonName: name, organization: "Test", demo, passphrase }));
  return file;
}

const settings = (file: string | undefined, env: "test" | "production" = "test") => ({
  env,
  dataDir: folder,
  sealCertificate: file,
  sealPassphrase: passphrase,
});

beforeAll(async () => {
  authority = createDocumentSeal(settings(p12File("State Migration Service", false)));
  impostor = createDocumentSeal(settings(p12File("Someone else", false)));
  unsigned = await renderPdf({ content: [{ text: "İcazə · Разрешение" }] });
  sealed = await authority.seal(unsigned, { contactInfo });
});
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe("the electronic seal on PDF documents", () => {
  it("seals a PDF as PAdES (ETSI.CAdES.detached) that checks as valid with Karvan's certificate", async () => {
    expect(sealed.toString("latin1")).toContain("/SubFilter /ETSI.CAdES.detached");
    expect(await authority.check(sealed)).toEqual({ status: "valid", signerName: "State Migration Service" });
  });

  it("reports a document changed after sealing: a byte inside, or content appended", async () => {
    const flipped = Buffer.from(sealed);
    const at = sealed.indexOf("/MediaBox");
    flipped[at + 1] = "N".charCodeAt(0);
    expect((await authority.check(flipped)).status).toBe("changed");
    const appended = Buffer.concat([sealed, Buffer.from("\n% an incremental update\n", "latin1")]);
    expect((await authority.check(appended)).status).toBe("changed");
  });

  it("tells a PDF without a seal, and one sealed by another certificate", async () => {
    expect(await authority.check(unsigned)).toEqual({ status: "unsealed", signerName: null });
    const foreign = await impostor.seal(unsigned, { contactInfo });
    expect(await authority.check(foreign)).toEqual({ status: "foreign", signerName: "Someone else" });
  });

  it("outside production makes a demo certificate once, marked as such, and reports its seals as demo", async () => {
    const demo = createDocumentSeal(settings(undefined));
    expect(demo.describe()).toMatchObject({ demo: true, commonName: expect.stringContaining("DEMO") });
    const again = createDocumentSeal(settings(undefined));
    const demoSealed = await demo.seal(unsigned, { contactInfo });
    expect((await again.check(demoSealed)).status).toBe("demo");
    // Another installation's check recognises a demo seal too.
    expect((await authority.check(demoSealed)).status).toBe("demo");
    expect(existsSync(path.join(folder, demoSealFile))).toBe(true);
  });

  it("stops a production start without a certificate, with a demo one, or with a wrong passphrase", () => {
    expect(() => createDocumentSeal(settings(undefined, "production"))).toThrow(ConfigError);
    expect(() => createDocumentSeal(settings(p12File("Demo in production", true), "production"))).toThrow(
      /demo seal certificate is never allowed in production/,
    );
    const wrong = { ...settings(p12File("Locked", false)), sealPassphrase: "wrong" };
    expect(() => createDocumentSeal(wrong)).toThrow(/KARVAN_SEAL_PASSPHRASE/);
    expect(() => createDocumentSeal(settings(path.join(folder, "missing.p12")))).toThrow(/does not exist/);
  });
});
