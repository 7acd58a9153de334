import type { Locale } from "../../../platform/http/index.js";

/** Why a moderator rejects a comment; the note beside it says more. */
export const rejectionReasons = [
  "off_topic",
  "abusive",
  "personal_data",
  "duplicate",
  "spam",
  "other",
] as const;
export type RejectionReason = (typeof rejectionReasons)[number];

export type CommentStatus = "unverified" | "pending" | "published" | "rejected";

/** Where a consultation stands on a legal date: not yet open, open for comments, or closed. */
export type ConsultationStanding = "scheduled" | "open" | "closed";

export interface Consultation {
  id: string;
  documentId: string;
  title: Record<Locale, string>;
  text: Record<Locale, string>;
  opensOn: string;
  closesOn: string;
  closedEarlyOn: string | null;
  demo: boolean;
  createdAt: string;
}

export interface ConsultationComment {
  id: string;
  consultationId: string;
  authorUserId: string | null;
  authorName: string;
  displayName: string | null;
  /** Null once the retention rule removed it. */
  email: string | null;
  locale: string;
  sectionCode: string | null;
  text: string;
  status: CommentStatus;
  rejectionReason: RejectionReason | null;
  rejectionNote: string | null;
  moderatedAt: string | null;
  answer: string | null;
  answeredAt: string | null;
  demo: boolean;
  createdAt: string;
}

/** The date it closed or closes: the day it was closed early on, or its closing date. */
export function lastDayOf(consultation: Pick<Consultation, "closesOn" | "closedEarlyOn">): string {
  return consultation.closedEarlyOn ?? consultation.closesOn;
}

/**
 * Open from its opening date to its closing date, both included. Closing early closes it at once
 * (a scheduled one never opens).
 */
export function standingOn(
  consultation: Pick<Consultation, "opensOn" | "closesOn" | "closedEarlyOn">,
  today: string,
): ConsultationStanding {
  if (consultation.closedEarlyOn !== null || today > consultation.closesOn) return "closed";
  return today < consultation.opensOn ? "scheduled" : "open";
}
