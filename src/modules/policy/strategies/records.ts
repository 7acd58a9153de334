/** The plain objects the strategies' repository returns and the pages and the monitoring report read. */

export const documentKinds = ["strategy", "action_plan", "law", "regulation"] as const;
export type DocumentKind = (typeof documentKinds)[number];

export const documentStatuses = ["draft", "consultation", "adopted", "in_force", "ended"] as const;
export type DocumentStatus = (typeof documentStatuses)[number];

export const actionStatuses = ["planned", "in_progress", "done"] as const;
export type ActionStatus = (typeof actionStatuses)[number];

export interface PolicyDocument {
  id: string;
  kind: DocumentKind;
  title: string;
  summary: string;
  status: DocumentStatus;
  version: number;
  adoptingBody: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  consultationOn: string | null;
  adoptedOn: string | null;
  inForceOn: string | null;
  endedOn: string | null;
  citedActs: string[];
  updatedAt: Date;
}

/** What an officer writes on the document form. */
export interface DocumentContent {
  kind: DocumentKind;
  title: string;
  summary: string;
  adoptingBody: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  citedActs: string[];
}

export interface DocumentVersion {
  version: number;
  title: string;
  summary: string;
  adoptingBody: string | null;
  status: string;
  citedActs: string[];
  supersededAt: Date;
}

export interface StatusChange {
  fromStatus: string;
  toStatus: string;
  onDate: string;
  changedAt: Date;
}

export interface Objective {
  id: string;
  documentId: string;
  code: string;
  title: string;
  description: string;
  indicatorCodes: string[];
  /** Left out of the public monitoring report, with everything under it. */
  internal: boolean;
}

export interface Measure {
  id: string;
  objectiveId: string;
  documentId: string;
  code: string;
  title: string;
  description: string;
  /** Left out of the public monitoring report, with its actions. */
  internal: boolean;
}

export interface PolicyAction {
  id: string;
  measureId: string;
  documentId: string;
  code: string;
  title: string;
  description: string;
  responsibleAgencyId: string;
  partnerAgencyIds: string[];
  startOn: string;
  dueOn: string;
  budgetMinor: number | null;
  budgetCurrency: string | null;
  status: ActionStatus;
  percentDone: number;
  doneOn: string | null;
  /** Left out of the public monitoring report. */
  internal: boolean;
}

export interface ActionContent {
  code: string;
  title: string;
  description: string;
  responsibleAgencyId: string;
  partnerAgencyIds: string[];
  startOn: string;
  dueOn: string;
  budgetMinor: number | null;
  budgetCurrency: string | null;
  /** Left out of the public monitoring report; public when not given. */
  internal?: boolean;
}

export interface Evidence {
  id: string;
  reportId: string;
  fileName: string;
  mediaType: string;
}

export interface StatusReport {
  id: string;
  actionId: string;
  period: string;
  text: string;
  percentDone: number;
  agencyId: string;
  writtenBy: string;
  writtenAt: Date;
  evidence: Evidence[];
}
