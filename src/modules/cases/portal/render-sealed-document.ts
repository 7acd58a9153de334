import { NotFoundError } from "../../../platform/errors/index.js";
import type { Documents } from "../../../platform/files/index.js";
import type { DocumentSeal } from "../../../platform/pdf/index.js";
import { type DecisionDocumentInput, renderDecisionLetter, renderPermit } from "./decision-documents.js";
import { type HolderPhoto, latestPhotoOf } from "./permit-parts.js";

async function holderPhoto(
  input: DecisionDocumentInput,
  documents: Documents,
): Promise<HolderPhoto | undefined> {
  const photo = latestPhotoOf(input.state);
  if (!photo) return undefined;
  try {
    return {
      mediaType: photo.mediaType as HolderPhoto["mediaType"],
      content: await documents.readDocument(photo.documentId),
    };
  } catch (error) {
    // A photo missing from the store must not keep the holder from a permit that is valid without it.
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}

/**
 * The decision letter or the permit as the applicant downloads it: rendered (the permit with the
 * holder's photo, decrypted from the document store) and then sealed with the installation's
 * electronic seal, which the document names.
 */
export async function renderSealedDocument(
  kind: "decision" | "permit",
  input: Omit<DecisionDocumentInput, "seal" | "holderPhoto">,
  services: { documents: Documents; seal: DocumentSeal },
): Promise<Buffer> {
  const sealed = { ...input, seal: services.seal.describe() };
  let pdf: Buffer;
  if (kind === "permit") {
    const photo = await holderPhoto(sealed, services.documents);
    // The upload check proves a JPEG or PNG by its first bytes only; an image the PDF writer
    // cannot read must not keep the holder from their permit, which is valid without the photo.
    pdf = await renderPermit({ ...sealed, holderPhoto: photo }).catch((error: unknown) => {
      if (!photo) throw error;
      return renderPermit(sealed);
    });
  } else {
    pdf = await renderDecisionLetter(sealed);
  }
  return services.seal.seal(pdf, { contactInfo: `${input.publicUrl}/verify` });
}
