/** A detention centre, as the pages and the alerts read it. */
export interface Centre {
  id: string;
  code: string;
  names: { az: string; en: string; ru: string };
  region: string;
  capacity: number;
  headEmail: string;
  headLocale: string;
}

export type PlacementStatus = "placed" | "released" | "removed";

/** The placements an officer may see: one agency's (null: those of no agency), or all. */
export type PlacementScope = { agencyId: string | null } | "all";

export interface Placement {
  id: string;
  personId: string;
  centreId: string;
  agencyId: string | null;
  legalBasis: string;
  orderingAuthority: string;
  courtDecisionReference: string;
  startDate: string;
  initialUntil: string;
  permittedUntil: string;
  status: PlacementStatus;
  responsibleOfficerId: string;
  endedOn: string | null;
  endRecord: string | null;
  createdAt: string;
}

export interface Extension {
  id: string;
  previousUntil: string;
  newUntil: string;
  decisionReference: string;
  decidedBy: string;
  decidedOn: string;
  documentId: string;
  documentName: string;
  recordedAt: string;
}

export type ReviewOutcome = "continue" | "release" | "extension_needed";
export const reviewOutcomes: readonly ReviewOutcome[] = ["continue", "release", "extension_needed"];

export interface Review {
  id: string;
  reviewedOn: string;
  outcome: ReviewOutcome;
  notes: string;
  recordedAt: string;
}

/** One centre's figures on one day: people present at the day's end, arrivals and departures that day. */
export interface OccupancyDay {
  date: string;
  present: number;
  arrivals: number;
  releases: number;
}
