import { createHash, generateKeyPairSync, randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import type forge from "node-forge";

const require = createRequire(import.meta.url);
let forgeLibrary: typeof forge | undefined;

/** node-forge, loaded when a certificate is first read or made rather than at every start. */
function nodeForge(): typeof forge {
  forgeLibrary ??= require("node-forge") as typeof forge;
  return forgeLibrary;
}

/**
 * The organisational unit every demo seal certificate carries: whoever opens the certificate in
 * a PDF reader reads that it is not a valid seal, in each of Karvan's languages, and `/verify`
 * recognises demo seals by it (also those of another demo installation).
 */
export const demoSealUnit =
  "DEMO — not a valid seal · DEMO — etibarlı möhür deyil · ДЕМО — недействительная печать";

/** The certificate and key that seal Karvan's PDF documents, read from a PKCS#12 file. */
export interface SealCertificate {
  /** The X.509 certificate (DER) embedded in every seal. */
  certificateDer: Buffer;
  /** The private key, PKCS#8 DER (RSA): handed to Web Crypto for signing, never logged. */
  privateKeyPkcs8: Buffer;
  /** The subject's common name, e.g. "State Migration Service of the Republic of Azerbaijan". */
  commonName: string;
  /** True for a demo certificate (its subject's OU is `demoSealUnit`). */
  demo: boolean;
  /** SHA-256 of the certificate's DER, hex: how `/verify` recognises Karvan's own seal. */
  fingerprint: string;
  notAfter: Date;
}

export class SealCertificateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SealCertificateError";
  }
}

export function certificateFingerprint(der: Uint8Array): string {
  return createHash("sha256").update(der).digest("hex");
}

function fieldValue(certificate: forge.pki.Certificate, shortName: string): string | undefined {
  const forge = nodeForge();
  const field = certificate.subject.getField(shortName) as { value?: unknown } | null;
  if (typeof field?.value !== "string") return undefined;
  try {
    return forge.util.decodeUtf8(field.value);
  } catch {
    return field.value;
  }
}

/**
 * Reads the seal's certificate and private key from a PKCS#12 (.p12 / .pfx) file, as trust
 * service providers and `openssl pkcs12 -export` write them: the certificate that belongs to
 * the key is the seal's, any others (the issuing chain) are ignored. RSA keys only.
 */
export function readSealP12(p12: Buffer, passphrase: string): SealCertificate {
  const forge = nodeForge();
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(p12.toString("binary")), false, passphrase);
  } catch (error) {
    throw new SealCertificateError(
      `not a PKCS#12 file, or the passphrase is wrong (${(error as Error).message})`,
    );
  }
  const oids = forge.pki.oids as Record<string, string>;
  const bags = (bagType: string) => parsed.getBags({ bagType })[bagType] ?? [];
  const keyBag = [...bags(oids.pkcs8ShroudedKeyBag ?? ""), ...bags(oids.keyBag ?? "")][0];
  const key = keyBag?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!key) throw new SealCertificateError("the PKCS#12 file holds no (RSA) private key");
  const certificates = bags(oids.certBag ?? "")
    .map((bag) => bag.cert)
    .filter((cert): cert is forge.pki.Certificate => cert !== undefined);
  const certificate = certificates.find((cert) => {
    const publicKey = cert.publicKey as forge.pki.rsa.PublicKey;
    return publicKey.n?.equals(key.n) && publicKey.e?.equals(key.e);
  });
  if (!certificate) throw new SealCertificateError("no certificate in the PKCS#12 file matches its key");
  const certificateDer = Buffer.from(
    forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes(),
    "binary",
  );
  const privateKeyPkcs8 = Buffer.from(
    forge.asn1.toDer(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(key))).getBytes(),
    "binary",
  );
  return {
    certificateDer,
    privateKeyPkcs8,
    commonName: fieldValue(certificate, "CN") ?? "",
    demo: fieldValue(certificate, "OU") === demoSealUnit,
    fingerprint: certificateFingerprint(certificateDer),
    notAfter: certificate.validity.notAfter,
  };
}

export interface SelfSignedSealOptions {
  commonName: string;
  organization: string;
  /** Marks the certificate as a demo seal (`demoSealUnit`). */
  demo: boolean;
  passphrase: string;
  validYears?: number;
  now?: Date;
}

/**
 * A self-signed seal certificate with its key as a PKCS#12 file: the demo seal, and test or
 * benchmark installations. A real installation uses the certificate a trust service issued.
 */
export function createSelfSignedSealP12(options: SelfSignedSealOptions): Buffer {
  const forge = nodeForge();
  const now = options.now ?? new Date();
  // The key pair is made by Node's own (OpenSSL) generator, which is fast; forge only packs it.
  const pair = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const privateKey = forge.pki.privateKeyFromPem(
    pair.privateKey.export({ type: "pkcs1", format: "pem" }).toString(),
  ) as forge.pki.rsa.PrivateKey;
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.publicKeyFromPem(
    pair.publicKey.export({ type: "spki", format: "pem" }).toString(),
  );
  // A positive serial number of 128 random bits (RFC 5280: unique, at most 20 octets).
  certificate.serialNumber = `01${randomBytes(15).toString("hex")}`;
  certificate.validity.notBefore = new Date(now.getTime() - 24 * 3600 * 1000);
  certificate.validity.notAfter = new Date(now);
  certificate.validity.notAfter.setUTCFullYear(now.getUTCFullYear() + (options.validYears ?? 10));
  const utf8 = (shortName: string, value: string) => ({
    shortName,
    // forge encodes UTF8String values itself.
    value,
    valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class,
  });
  const subject = [
    utf8("CN", options.commonName),
    utf8("O", options.organization),
    ...(options.demo ? [utf8("OU", demoSealUnit)] : []),
    { shortName: "C", value: "AZ" },
  ];
  certificate.setSubject(subject);
  certificate.setIssuer(subject);
  certificate.setExtensions([
    { name: "basicConstraints", cA: false, critical: true },
    { name: "keyUsage", digitalSignature: true, nonRepudiation: true, critical: true },
    { name: "subjectKeyIdentifier" },
  ]);
  certificate.sign(privateKey, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(privateKey, [certificate], options.passphrase, {
    algorithm: "aes256",
    friendlyName: options.commonName,
  });
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), "binary");
}
