import type { CaseTypeDefinition } from "../definition/case-type.js";

/**
 * A case type decided the moment it is submitted (registration at the place of stay): nobody
 * reviews it, and the document it issues is a registration confirmation, not a permit. Pages and
 * documents word themselves after this.
 */
export function isDecidedOnSubmission(definition: CaseTypeDefinition): boolean {
  return definition.decisionOnSubmission !== undefined;
}

/** The translation key of the issued document's name: "registration confirmation" or "permit". */
export function issuedDocumentKey(definition: CaseTypeDefinition): "registration" | "permit" {
  return isDecidedOnSubmission(definition) ? "registration" : "permit";
}
