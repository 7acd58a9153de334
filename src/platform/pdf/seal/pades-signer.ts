import { createHash, webcrypto } from "node:crypto";
import { Signer } from "@signpdf/signpdf";
import forge from "node-forge";
import * as pkijs from "pkijs";
import type { SealCertificate } from "./seal-certificate.js";

const oids = {
  data: "1.2.840.113549.1.7.1",
  signedData: "1.2.840.113549.1.7.2",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingCertificateV2: "1.2.840.113549.1.9.16.2.47",
} as const;

/** pkijs on Node's Web Crypto: both signing and checking seals go through it. */
export const cmsCryptoEngine = new pkijs.CryptoEngine({
  name: "node",
  crypto: webcrypto as unknown as Crypto,
});

const { asn1 } = forge;
const universal = asn1.Class.UNIVERSAL;

function derOf(node: forge.asn1.Asn1): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from(asn1.toDer(node).getBytes(), "binary"));
}

/** A CMS signed attribute (type and one value), written with forge's DER encoder for pkijs. */
function signedAttribute(type: string, value: forge.asn1.Asn1): pkijs.Attribute {
  return pkijs.Attribute.fromBER(
    derOf(
      asn1.create(universal, asn1.Type.SEQUENCE, true, [
        asn1.create(universal, asn1.Type.OID, false, asn1.oidToDer(type).getBytes()),
        asn1.create(universal, asn1.Type.SET, true, [value]),
      ]),
    ),
  );
}

/**
 * ESS signing-certificate-v2 (RFC 5035), which PAdES baseline signatures must carry: binds the
 * signature to the seal's certificate by its SHA-256 hash, issuer and serial number, so that no
 * other certificate with the same key can be passed off as the signer.
 */
function signingCertificateV2(certificateDer: Buffer): forge.asn1.Asn1 {
  const tbs = (asn1.fromDer(certificateDer.toString("binary")).value as forge.asn1.Asn1[])[0];
  const fields = (tbs?.value ?? []) as forge.asn1.Asn1[];
  const offset = fields[0]?.tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  const serialNumber = fields[offset];
  const issuer = fields[offset + 2];
  if (!serialNumber || !issuer) throw new Error("the seal certificate cannot be read");
  const certificateHash = createHash("sha256").update(certificateDer).digest().toString("binary");
  const essCertIdV2 = asn1.create(universal, asn1.Type.SEQUENCE, true, [
    // hashAlgorithm is left out: its default is SHA-256.
    asn1.create(universal, asn1.Type.OCTETSTRING, false, certificateHash),
    asn1.create(universal, asn1.Type.SEQUENCE, true, [
      asn1.create(universal, asn1.Type.SEQUENCE, true, [
        asn1.create(asn1.Class.CONTEXT_SPECIFIC, 4, true, [issuer]),
      ]),
      serialNumber,
    ]),
  ]);
  return asn1.create(universal, asn1.Type.SEQUENCE, true, [
    asn1.create(universal, asn1.Type.SEQUENCE, true, [essCertIdV2]),
  ]);
}

/**
 * Makes the CMS signature of a PAdES baseline B-B seal (ETSI EN 319 142-1, SubFilter
 * ETSI.CAdES.detached) over the bytes @signpdf hands it: detached SignedData, SHA-256 with RSA,
 * signed attributes content-type, message-digest and signing-certificate-v2, and no signing-time
 * attribute (PAdES puts the time in the signature dictionary's /M instead).
 */
export class PadesSigner extends Signer {
  constructor(private readonly seal: SealCertificate) {
    super();
  }

  override async sign(content: Buffer): Promise<Buffer> {
    const certificate = pkijs.Certificate.fromBER(new Uint8Array(this.seal.certificateDer));
    const key = await cmsCryptoEngine.importKey(
      "pkcs8",
      new Uint8Array(this.seal.privateKeyPkcs8),
      { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" } as RsaHashedImportParams,
      false,
      ["sign"],
    );
    const digest = createHash("sha256").update(content).digest().toString("binary");
    const signedData = new pkijs.SignedData({
      version: 1,
      encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: oids.data }),
      signerInfos: [
        new pkijs.SignerInfo({
          version: 1,
          sid: new pkijs.IssuerAndSerialNumber({
            issuer: certificate.issuer,
            serialNumber: certificate.serialNumber,
          }),
          signedAttrs: new pkijs.SignedAndUnsignedAttributes({
            type: 0,
            attributes: [
              signedAttribute(
                oids.contentType,
                asn1.create(universal, asn1.Type.OID, false, asn1.oidToDer(oids.data).getBytes()),
              ),
              signedAttribute(
                oids.messageDigest,
                asn1.create(universal, asn1.Type.OCTETSTRING, false, digest),
              ),
              signedAttribute(oids.signingCertificateV2, signingCertificateV2(this.seal.certificateDer)),
            ],
          }),
        }),
      ],
      certificates: [certificate],
    });
    await signedData.sign(key, 0, "SHA-256", undefined, cmsCryptoEngine);
    const contentInfo = new pkijs.ContentInfo({
      contentType: oids.signedData,
      content: signedData.toSchema(true),
    });
    return Buffer.from(contentInfo.toSchema().toBER(false));
  }
}
