import type { enforcementReadmissionRequests } from "./schema-tables.js";

export const requestStatuses = [
  "awaiting_reply",
  "agreed",
  "deemed_agreed",
  "refused",
  "transfer_arranged",
  "completed",
] as const;
export type RequestStatus = (typeof requestStatuses)[number];
export type Direction = "in" | "out";

/** The common form's person part, as typed (empty strings for what is not known). */
export interface RequestPerson {
  fullName: string;
  birthDate: string;
  placeOfBirth: string;
  sex: string;
  citizenship: string;
  documentType: string;
  documentNumber: string;
  lastAddress: string;
  specialCircumstances: string;
}

/** A request as the repository returns it: a plain object. */
export type ReadmissionRequest = Omit<
  typeof enforcementReadmissionRequests.$inferSelect,
  "person" | "createdAt"
> & {
  person: RequestPerson;
  createdAt: string;
};

export interface CorrespondenceEntry {
  id: string;
  kind: string;
  direction: "sent" | "received" | "internal";
  onDate: string;
  note: string;
  recordedAt: string;
}

export interface EvidenceItem {
  id: string;
  evidenceKind: string;
  documentId: string;
  fileName: string;
  mediaType: string;
  addedAt: string;
}
