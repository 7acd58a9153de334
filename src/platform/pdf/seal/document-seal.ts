import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ConfigError } from "../../config/index.js";
import type { SealCheck } from "./check-pdf-seal.js";
import {
  createSelfSignedSealP12,
  readSealP12,
  type SealCertificate,
  SealCertificateError,
} from "./seal-certificate.js";

/** What a document may say about the seal it will carry. */
export interface SealDescription {
  /** The seal certificate's common name (the issuing authority, or the demo marking). */
  commonName: string;
  demo: boolean;
}

/** Karvan's electronic seal on the PDFs it issues, and the check of a PDF's seal. */
export interface DocumentSeal {
  describe(): SealDescription;
  /** Seals a finished PDF (PAdES baseline B-B); `contactInfo` is where to check it. */
  seal(pdf: Buffer, options: { contactInfo: string; signingTime?: Date }): Promise<Buffer>;
  check(pdf: Buffer): Promise<SealCheck>;
}

export interface SealSettings {
  env: "development" | "test" | "production";
  dataDir: string;
  sealCertificate: string | undefined;
  sealPassphrase: string | undefined;
}

/** The demo seal's file in the data folder. Its passphrase is no secret: the seal is not valid. */
export const demoSealFile = "demo-seal.p12";
const demoSealPassphrase = "karvan-demo-seal";

function configuredSeal(file: string, passphrase: string, production: boolean): SealCertificate {
  if (!existsSync(file)) throw new ConfigError([`KARVAN_SEAL_P12: ${file} does not exist`]);
  let seal: SealCertificate;
  try {
    seal = readSealP12(readFileSync(file), passphrase);
  } catch (error) {
    if (!(error instanceof SealCertificateError)) throw error;
    throw new ConfigError([`KARVAN_SEAL_P12 / KARVAN_SEAL_PASSPHRASE: ${error.message}`]);
  }
  if (production && seal.demo) {
    throw new ConfigError(["KARVAN_SEAL_P12: a demo seal certificate is never allowed in production"]);
  }
  return seal;
}

/** Outside production without a configured certificate: a demo one, made once per data folder. */
function demoSeal(dataDir: string): SealCertificate {
  const file = path.join(dataDir, demoSealFile);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    const p12 = createSelfSignedSealP12({
      commonName: "Karvan DEMO seal — not valid",
      organization: "Karvan (demo)",
      demo: true,
      passphrase: demoSealPassphrase,
    });
    try {
      writeFileSync(file, p12, { mode: 0o600, flag: "wx" });
    } catch (error) {
      // Another process made it first: use theirs, so that both seal with the same certificate.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return readSealP12(readFileSync(file), demoSealPassphrase);
}

/**
 * The seal of this installation. A configured certificate is read at once, so that a missing
 * file or a wrong passphrase stops the start; the demo certificate is made when first needed
 * (a key pair costs a moment, and most test servers never issue a document).
 */
export function createDocumentSeal(settings: SealSettings): DocumentSeal {
  let certificate: SealCertificate | undefined;
  if (settings.sealCertificate) {
    certificate = configuredSeal(
      settings.sealCertificate,
      settings.sealPassphrase ?? "",
      settings.env === "production",
    );
  } else if (settings.env === "production") {
    throw new ConfigError(["KARVAN_SEAL_P12: required in production"]);
  }
  const current = () => {
    certificate ??= demoSeal(settings.dataDir);
    return certificate;
  };
  // The signing and checking libraries load with the first document: most processes seal none.
  return {
    describe: () => ({ commonName: current().commonName, demo: current().demo }),
    async seal(pdf, options) {
      const seal = current();
      const [{ plainAddPlaceholder }, { SignPdf }, { PadesSigner }] = await Promise.all([
        import("@signpdf/placeholder-plain"),
        import("@signpdf/signpdf"),
        import("./pades-signer.js"),
      ]);
      const signingTime = options.signingTime ?? new Date();
      const withPlaceholder = plainAddPlaceholder({
        pdfBuffer: pdf,
        reason: seal.demo ? "DEMO - not a valid seal" : "Electronic seal of the issuing authority",
        contactInfo: options.contactInfo,
        name: seal.commonName,
        location: "",
        signingTime,
        subFilter: "ETSI.CAdES.detached",
        appName: "Karvan",
      });
      return new SignPdf().sign(withPlaceholder, new PadesSigner(seal), signingTime);
    },
    async check(pdf) {
      const { checkPdfSeal } = await import("./check-pdf-seal.js");
      return checkPdfSeal(pdf, [current().fingerprint]);
    },
  };
}
