/**
 * Everything that can happen to a case. Payloads hold what the projection and statistics need;
 * free text about people (notes, messages, decision reasons) is personal data and lives only here
 * and in the projection, never in the audit trail.
 */
export type CaseEventBody =
  | {
      type: "case.created";
      payload: {
        typeCode: string;
        typeVersion: number;
        number: string;
        applicantUserId: string | null;
        agencyId: string;
        state: string;
      };
    }
  | { type: "case.answers_saved"; payload: { answers: Record<string, unknown> } }
  | {
      /** An officer corrects answers at the person's request (`correction`: the request's reference). */
      type: "case.answers_corrected";
      payload: {
        answers: Record<string, unknown>;
        previous: Record<string, unknown>;
        correction: string;
      };
    }
  | { type: "case.express_tier_chosen"; payload: { tier: string | null } }
  | { type: "case.fee_paid"; payload: { paymentId: string; amountMinor: number } }
  | {
      type: "case.document_attached";
      payload: {
        documentId: string;
        code: string;
        mediaType: string;
        size: number;
        sha256: string;
        fileName: string;
      };
    }
  | { type: "case.document_removed"; payload: { documentId: string } }
  | { type: "case.submitted"; payload: { state: string; legalStartDate: string } }
  | {
      type: "case.transitioned";
      /**
       * `occurredOn`: the day what the step records happened, when it is recorded afterwards (a departure).
       * `dueDate`: the case's next due date the step sets in place of the legal time's (a departure deadline).
       * `answers`: what the owning module's step records besides its day (a departure: whether return
       * assistance was received), read by the statistics.
       */
      payload: {
        transition: string;
        from: string;
        to: string;
        pausesDeadline: boolean;
        occurredOn?: string;
        dueDate?: string;
        answers?: Record<string, string>;
      };
    }
  | { type: "case.documents_requested"; payload: { codes: string[]; message: string } }
  | { type: "case.documents_provided"; payload: { message: string } }
  | { type: "case.assigned"; payload: { officerId: string | null } }
  | {
      type: "case.task_created";
      payload: { taskId: string; code: string; agencyId: string; mandatory: boolean };
    }
  | { type: "case.task_completed"; payload: { taskId: string; result: string; comment: string } }
  | { type: "case.decision_drafted"; payload: { outcome: string; reasons: string } }
  | { type: "case.decision_approved"; payload: Record<string, never> }
  | { type: "case.decision_returned"; payload: { comment: string } }
  | {
      type: "case.decision_issued";
      payload: {
        outcome: string;
        documentNumber: string | null;
        verificationCode: string | null;
        validFrom: string | null;
        validTo: string | null;
      };
    }
  | {
      /**
       * The person matched an entry of a watch list (an entry ban, a wanted list) on submission: the
       * case waits for an officer. Never a refusal; a case decided on submission is not decided.
       */
      type: "case.held";
      payload: HoldFinding;
    }
  | { type: "case.hold_released"; payload: { reason: string } }
  | {
      /** The officer found the match to be the listed person: the case stays with officers for a decision. */
      type: "case.hold_confirmed";
      payload: { reason: string };
    }
  | {
      /** An officer let a portal account follow the case (`role`: applicant, family-member, lawyer, guardian). */
      type: "case.representative_added";
      payload: { representationId: string; userId: string | null; role: string };
    }
  | {
      type: "case.representative_ended";
      payload: { representationId: string; userId: string | null; role: string };
    }
  | { type: "case.note_added"; payload: { text: string } }
  | { type: "case.message_sent"; payload: { from: "officer" | "applicant"; text: string } };

/** How one field of the person agreed with the watch-list entry, and what that weighed in the score. */
export interface HoldFieldAgreement {
  field: string;
  level: string;
  weight: number;
}

/** What a submission check found: the entry the person matched, its list, the score and its parts. */
export interface HoldFinding {
  /** Which person of the case matched: the place in `submittedPersons` (0 when the case has one). */
  personIndex?: number | undefined;
  entryId: string;
  list: string;
  score: number;
  fields: HoldFieldAgreement[];
}

export type CaseEventType = CaseEventBody["type"];

export interface EventActor {
  type: "user" | "api_key" | "system";
  id: string | null;
}

/**
 * An event about to be appended. It is recorded as done by whoever made the change, unless it
 * names its own actor (the system deciding a registration within the host's submission).
 */
export type PendingCaseEvent = CaseEventBody & { actor?: EventActor };

export type CaseEvent = CaseEventBody & {
  caseId: string;
  seq: number;
  actor: EventActor;
  at: Date;
};
