import { residencePermitReasons } from "../../cases/index.js";
/**
 * A statistical record: one thing that happened to one person, in the terms official statistics
 * count (an application lodged, a decision, a permit, a registration, a detention, an order to
 * leave, a return...). Records come from case events or from a previous system's files; the cubes
 * are computed from records only, so both sources are counted by the same rules.
 */
export const recordKinds = [
  "application",
  "appeal",
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

/**
 * Eurostat reasons of residence permits (migr_resfirst) and the sub-reasons Regulation (EU) 2020/851
 * added, each sub-reason counted under its reason as well (the part before the underscore): the
 * list the case-type definitions declare their reasons from.
 */
export const permitReasons = residencePermitReasons;
type PermitMainReason = "FAM" | "EDUC" | "OCC" | "OTH";
export type PermitReason = (typeof permitReasons)[number];

/** The reason a reason or sub-reason counts under. */
export function mainReasonOf(reason: PermitReason): PermitMainReason {
  return reason.split("_")[0] as PermitMainReason;
}

/** How an application ended without a decision (Art. 4(1)(d) as amended by Regulation (EU) 2020/851). */
export const withdrawalTypes = ["explicit", "implicit"] as const;
export type WithdrawalType = (typeof withdrawalTypes)[number];

/** Whether a residence permit is a first one, a renewal, or issued on a change of status or reason to stay. */
export const permitIssueTypes = ["first", "renewal", "change"] as const;
export type PermitIssueType = (typeof permitIssueTypes)[number];

/** Art. 7(1)(b) as amended: returns by type, assistance received and destination. */
export const returnTypes = ["voluntary", "forced"] as const;
export type ReturnType = (typeof returnTypes)[number];
export const returnDestinations = ["origin", "transit", "other"] as const;
export type ReturnDestination = (typeof returnDestinations)[number];

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
   * The date the methodology counts from (YYYY-MM-DD): application or appeal lodged, decision taken, permit
   * valid from, registration, detention start, order issued, person returned, entry refused,
   * person found.
   */
  date: string;
  /**
   * Application: decided at first instance or withdrawn (end of pendency); appeal: decided or
   * withdrawn; permit: valid to; detention: released.
   */
  endDate: string | null;
  /** Decisions only. */
  outcome: DecisionOutcome | null;
  /** Decisions only: first instance or final. */
  instance: "first" | "final" | null;
  /** Permits only. */
  reason: PermitReason | null;
  /** ISO 3166-2 code of the region (AZ-BA), or null. */
  region: string | null;
  /** Applications and appeals: the application was withdrawn (on `endDate`). */
  withdrawn: boolean;
  /** Withdrawn applications and appeals: explicitly or implicitly; null when the source does not say. */
  withdrawal?: WithdrawalType | null;
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
  /** Returns only: voluntary or forced, null when not known. */
  returnType?: ReturnType | null;
  /** Returns only: whether the person received return assistance (what is counted), null when not known. */
  assisted?: boolean | null;
  /** Returns only: whether return assistance was offered (kept beside what was received), null when not known. */
  assistanceOffered?: boolean | null;
  /** Returns only: where the person went, null when not known. */
  destination?: ReturnDestination | null;
  /** Permits only: first, renewal or change of status, null when the source does not say. */
  issue?: PermitIssueType | null;
}
