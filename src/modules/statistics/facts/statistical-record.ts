/**
 * A statistical record: one thing that happened to one person, in the terms official statistics
 * count (an application lodged, a decision, a permit, a registration, a detention, an order to
 * leave, a return...). Records come from case events or from a previous system's files; the cubes
 * are computed from records only, so both sources are counted by the same rules.
 */
export const recordKinds = [
  "application",
  "decision",
  "permit",
  "registration",
  "detention",
  "order_to_leave",
  "return",
  "refused_entry",
  "illegal_presence",
  "violation_decision",
] as const;
export type RecordKind = (typeof recordKinds)[number];

/** Eurostat outcomes of asylum decisions, and the generic ones of other procedures. */
export const asylumOutcomes = ["GENCONV", "SUB_PROT", "HUMSTAT", "REJECTED"] as const;
export const otherOutcomes = ["GRANTED", "REFUSED", "CLOSED"] as const;
export type DecisionOutcome = (typeof asylumOutcomes)[number] | (typeof otherOutcomes)[number];

/** Eurostat reasons of first residence permits (migr_resfirst). */
export const permitReasons = ["FAM", "EDUC", "OCC", "OTH"] as const;
export type PermitReason = (typeof permitReasons)[number];

export interface PersonFacts {
  /** Stable key of the person within Karvan (a hash for case applicants, `import:<id>` for imports). */
  personKey: string;
  /** Eurostat citizenship code: ISO alpha-2 with EL and UK, or STLS, or UNK. */
  citizenship: string;
  sex: "F" | "M" | "UNK";
  /** YYYY-MM-DD, or null when unknown (age group UNK). */
  birthDate: string | null;
}

export interface StatisticalRecord {
  /** Unique and stable: `case:<case id>:<kind>` or `import:<file>:<id in the file>`. */
  recordId: string;
  source: "case" | "import";
  kind: RecordKind;
  person: PersonFacts;
  /** Case type code (`asylum`, `temporary-residence-permit`, `stay-registration`, ...). */
  caseType: string;
  /**
   * The date the methodology counts from (YYYY-MM-DD): application lodged, decision taken, permit
   * valid from, registration, detention start, order issued, person returned, entry refused,
   * person found.
   */
  date: string;
  /** Application: decided or withdrawn (end of pendency); permit: valid to; detention: released. */
  endDate: string | null;
  /** Decisions only. */
  outcome: DecisionOutcome | null;
  /** Decisions only: first instance or final. */
  instance: "first" | "final" | null;
  /** Permits only. */
  reason: PermitReason | null;
  /** ISO 3166-2 code of the region (AZ-BA), or null. */
  region: string | null;
  /** Applications only: the application was withdrawn (on `endDate`). */
  withdrawn: boolean;
  /** Applications only: lodged by an unaccompanied minor. */
  unaccompanied: boolean;
  /** Decisions only: when the application decided was lodged (processing time). */
  lodgedOn?: string | null;
  /** Applications and decisions of cases: the last day of the legal time, when the law sets one. */
  deadline?: string | null;
  /**
   * Returns only: the record id of the order to leave the person left under, or null for a
   * departure that followed no order (which the `returned` table does not count).
   */
  orderRecordId?: string | null;
}
