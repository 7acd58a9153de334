import * as pkijs from "pkijs";
import { cmsCryptoEngine } from "./pades-signer.js";
import { certificateFingerprint, demoSealUnit } from "./seal-certificate.js";

/**
 * What a PDF's seal says:
 * - `valid`: sealed with Karvan's own certificate and not changed since;
 * - `demo`: intact, but sealed with a demo certificate: not an official document;
 * - `changed`: the bytes the seal covers were changed, or more was added after sealing;
 * - `foreign`: an intact signature, but by another certificate than Karvan's;
 * - `unsealed`: no signature at all.
 */
export type SealStatus = "valid" | "demo" | "changed" | "foreign" | "unsealed";

export interface SealCheck {
  status: SealStatus;
  /** The signing certificate's common name, when the signature could be read. */
  signerName: string | null;
}

const organizationalUnit = "2.5.4.11";
const commonName = "2.5.4.3";

function subjectField(certificate: pkijs.Certificate, type: string): string | null {
  const field = certificate.subject.typesAndValues.find((one) => one.type === type);
  const value = (field?.value as { valueBlock?: { value?: unknown } } | undefined)?.valueBlock?.value;
  return typeof value === "string" ? value : null;
}

/** The last signature of the file: its byte range and its CMS bytes (padding included). */
function lastSignature(pdf: Buffer): { range: [number, number, number, number]; cms: Buffer } | null {
  const text = pdf.toString("latin1");
  const found = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)].at(-1);
  if (!found) return null;
  const range = found.slice(1, 5).map(Number) as [number, number, number, number];
  const [start, gapStart, gapEnd, tailLength] = range;
  const contents = text.slice(gapStart, gapEnd);
  if (
    start !== 0 ||
    gapStart <= 0 ||
    gapEnd + tailLength > pdf.length ||
    !/^<[0-9a-fA-F]*>$/.test(contents)
  ) {
    return { range, cms: Buffer.alloc(0) };
  }
  return { range, cms: Buffer.from(contents.slice(1, -1), "hex") };
}

async function verifiedSigner(pdf: Buffer, signature: NonNullable<ReturnType<typeof lastSignature>>) {
  const [, gapStart, gapEnd, tailLength] = signature.range;
  const signed = Buffer.concat([pdf.subarray(0, gapStart), pdf.subarray(gapEnd, gapEnd + tailLength)]);
  try {
    const contentInfo = pkijs.ContentInfo.fromBER(new Uint8Array(signature.cms));
    const signedData = new pkijs.SignedData({ schema: contentInfo.content });
    const result = await signedData.verify(
      {
        signer: 0,
        data: signed.buffer.slice(signed.byteOffset, signed.byteOffset + signed.byteLength) as ArrayBuffer,
        extendedMode: true,
        checkChain: false,
      },
      cmsCryptoEngine,
    );
    return result.signatureVerified && result.signerCertificate ? result.signerCertificate : null;
  } catch {
    // A signature that cannot be read or does not match (pkijs throws for a wrong message digest).
    return null;
  }
}

/**
 * Checks the seal of a PDF against Karvan's seal certificate(s), given by their SHA-256
 * fingerprints. The signature must cover the whole file: anything appended after sealing (an
 * incremental update that could change what is shown) counts as a change.
 */
export async function checkPdfSeal(pdf: Buffer, ownFingerprints: readonly string[]): Promise<SealCheck> {
  const signature = lastSignature(pdf);
  if (!signature) return { status: "unsealed", signerName: null };
  const signer = await verifiedSigner(pdf, signature);
  if (!signer) return { status: "changed", signerName: null };
  const signerName = subjectField(signer, commonName);
  const [, , gapEnd, tailLength] = signature.range;
  if (gapEnd + tailLength !== pdf.length) return { status: "changed", signerName };
  if (subjectField(signer, organizationalUnit) === demoSealUnit) return { status: "demo", signerName };
  const fingerprint = certificateFingerprint(new Uint8Array(signer.toSchema().toBER(false)));
  return { status: ownFingerprints.includes(fingerprint) ? "valid" : "foreign", signerName };
}
