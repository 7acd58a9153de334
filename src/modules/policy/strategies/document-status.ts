import { ConflictError, DomainError } from "../../../platform/errors/index.js";
import type { DocumentStatus, PolicyDocument } from "./records.js";

/**
 * Where a document may go from each status. A draft goes to public consultation or straight to
 * adoption (a regulation needs no consultation), and back from consultation to drafting; an adopted
 * document comes into force, or ends without ever having been in force (repealed before its date);
 * an ended document stays ended (a new one is written instead).
 */
export const nextStatuses: Record<DocumentStatus, readonly DocumentStatus[]> = {
  draft: ["consultation", "adopted"],
  consultation: ["draft", "adopted"],
  adopted: ["in_force", "ended"],
  in_force: ["ended"],
  ended: [],
};

/** The adopted text is what the statuses from adoption on refer to: changing it makes a new version. */
export function isAdoptedText(status: DocumentStatus): boolean {
  return status === "adopted" || status === "in_force";
}

/** The legal date a document's current status took effect on (the last transition's date). */
export function currentStatusDate(document: PolicyDocument): string | null {
  const dates = [document.consultationOn, document.adoptedOn, document.inForceOn, document.endedOn];
  return (
    dates
      .filter((date): date is string => date !== null)
      .sort()
      .at(-1) ?? null
  );
}

/**
 * Checks a transition and says why it is refused, with a precise code: not a next status, an
 * adoption without its body, a date before the status the document already has, or in the future.
 */
export function checkTransition(
  document: PolicyDocument,
  to: DocumentStatus,
  onDate: string,
  today: string,
): void {
  if (!nextStatuses[document.status].includes(to)) {
    throw new ConflictError("policy_transition_not_allowed", "policyStrategies.errors.transitionNotAllowed");
  }
  if (to === "adopted" && !document.adoptingBody) {
    throw new ConflictError("policy_adoption_needs_body", "policyStrategies.errors.adoptionNeedsBody");
  }
  const since = currentStatusDate(document);
  if (since && onDate < since && to !== "draft") {
    throw new ConflictError(
      "policy_transition_date_too_early",
      "policyStrategies.errors.transitionDateTooEarly",
    );
  }
  // Consultation and adoption are recorded when they have happened; entry into force may be announced ahead.
  if (to !== "in_force" && onDate > today) {
    throw new ConflictError("policy_transition_date_future", "policyStrategies.errors.transitionDateFuture");
  }
}

/** The changes a document is refused once ended: the record of what was done stays as it was. */
export function assertNotEnded(document: PolicyDocument): void {
  if (document.status === "ended") {
    throw new DomainError("policy_document_ended", 409, "policyStrategies.errors.documentEnded");
  }
}
