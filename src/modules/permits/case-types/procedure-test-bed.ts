import type { Database } from "../../../platform/db/index.js";
import { findAgencyByCode, type Permission, type Principal } from "../../access/index.js";
import {
  attachDocument,
  type CaseState,
  type CasesContext,
  type CasesModule,
  feeDue,
  recordFeePayment,
  requiredDocuments,
  saveAnswers,
  startApplication,
  submitApplication,
  transitionCase,
} from "../../cases/index.js";

/**
 * What the procedure tests share: the people who act on a case and a way to run an application
 * through the engine's operations, as the portal and the workspace do. Used by tests only.
 */
export interface ProcedureTestBed {
  as(who: Principal): CasesContext;
  foreigner: Principal;
  host: Principal;
  employer: Principal;
  officer: Principal;
  approver: Principal;
  employmentOfficer: Principal;
}

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

function person(
  n: number,
  kind: "public" | "staff",
  permissions: Permission[],
  agencyId: string | null,
): Principal {
  return {
    userId: uuid(n),
    email: `person${n}@example.org`,
    fullName: `Person ${n}`,
    kind,
    agencyId,
    roles: [],
    permissions: new Set(permissions),
    locale: "en",
  };
}

export async function procedureTestBed(cases: CasesModule, db: Database): Promise<ProcedureTestBed> {
  const sms = (await findAgencyByCode(db, "SMS"))?.id ?? null;
  const labour = (await findAgencyByCode(db, "MLSPP-DOST"))?.id ?? null;
  return {
    as: (who) => ({ ...cases.systemContext(), principal: who }),
    foreigner: person(1, "public", ["portal.apply"], null),
    host: person(2, "public", ["portal.apply", "portal.register_guests"], null),
    employer: person(3, "public", ["portal.apply", "portal.employer"], null),
    officer: person(4, "staff", ["cases.read", "cases.process"], sms),
    approver: person(5, "staff", ["cases.read", "cases.approve"], sms),
    employmentOfficer: person(6, "staff", ["cases.read", "labour.opinion"], labour),
  };
}

let attachments = 0;

/** The residence page of a permanent residence application that meets the residence rules. */
export const permanentResidencePage = {
  permitCardNumber: "MY1234567",
  permitEnds: "2026-06-30",
  yearsOfResidence: 3,
  addressInAzerbaijan: { street: "Azadlıq prospekti 45", city: "Gəncə", region: "AZ-GA", postcode: "AZ2000" },
};

/** A stored file as the document store would describe it. */
export function storedFile(code: string) {
  attachments += 1;
  return {
    documentId: uuid(10_000 + attachments),
    mediaType: "application/pdf",
    size: 2048,
    sha256: "b".repeat(64),
    fileName: `${code}.pdf`,
  };
}

/**
 * Starts an application, answers its pages in order, attaches every document the answers make
 * required, pays the fee (of the express tier, when one is chosen first) and submits it.
 */
export async function submitCompleteApplication(
  context: CasesContext,
  typeCode: string,
  pages: Record<string, Record<string, unknown>>,
  options: { beforePaying?: (state: CaseState) => Promise<CaseState> } = {},
): Promise<CaseState> {
  let state = await startApplication(context, typeCode);
  for (const [pageId, answers] of Object.entries(pages)) {
    state = await saveAnswers(context, state.id, state.lastSeq, pageId, answers);
  }
  const definition = context.registry.get(state.typeCode, state.typeVersion);
  for (const code of requiredDocuments(definition, state.answers)) {
    state = await attachDocument(context, state.id, code, storedFile(code));
  }
  if (options.beforePaying) state = await options.beforePaying(state);
  const due = feeDue(definition, state.expressTier);
  if (due > 0) {
    state = await recordFeePayment(context, state.id, { paymentId: `pay-${state.id}`, amountMinor: due });
  }
  return submitApplication(context, state.id, { expectedSeq: state.lastSeq });
}

/** The officer drafts, another approves, the officer issues: the case ends decided. */
export async function decide(
  bed: ProcedureTestBed,
  submitted: CaseState,
  outcome: "approved" | "refused",
  reasons: string,
): Promise<CaseState> {
  let state = submitted;
  if (state.state === "submitted") {
    state = await transitionCase(bed.as(bed.officer), state.id, state.lastSeq, "start-review");
  }
  state = await transitionCase(bed.as(bed.officer), state.id, state.lastSeq, "draft-decision", {
    outcome,
    reasons,
  });
  state = await transitionCase(bed.as(bed.approver), state.id, state.lastSeq, "approve");
  return transitionCase(bed.as(bed.officer), state.id, state.lastSeq, "issue");
}
