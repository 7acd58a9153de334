import { z } from "zod";
import { type CaseTypeDefinition, stateCategories } from "../definition/case-type.js";
import { type CaseState, type DeadlineClock, replayCase } from "../engine/case-state.js";
import type { CaseEvent } from "../engine/events.js";
import { awaitsManualCheck } from "../portal/applicant-state-label.js";

/** What an API client sees of a case: where it stands, never officers' notes or draft decisions. */
export const caseStatusSchema = z
  .object({
    id: z.uuid(),
    number: z.string().describe("The case number the applicant quotes, e.g. STR-2026-001234"),
    type: z.object({
      code: z.string().describe("Case type code"),
      version: z.number().int().describe("Version of the case type the case runs on"),
    }),
    state: z.string().describe("State code of the case type"),
    category: z
      .enum(stateCategories)
      .describe("draft, open (with the authority), waiting (for the applicant), decided or closed"),
    createdAt: z.string().describe("ISO 8601 instant"),
    submittedAt: z.string().nullable().describe("ISO 8601 instant"),
    legalStartDate: z.string().nullable().describe("The date the legal processing time runs from"),
    deadlineDate: z
      .string()
      .nullable()
      .describe("Last day of the legal processing time; null while the clock is stopped or not running"),
    requestedDocuments: z.array(z.string()).describe("Documents the officer asked for, by code"),
    manualCheck: z
      .boolean()
      .describe("True while the case waits for a manual check by an officer before it can go on"),
    decision: z
      .object({
        outcome: z.string(),
        decidedAt: z.string().nullable(),
        documentNumber: z.string().nullable(),
        validFrom: z.string().nullable(),
        validTo: z.string().nullable(),
      })
      .nullable()
      .describe("The decision once it is issued; null before"),
  })
  .describe("A case as its applicant may see it");

export type CaseStatus = z.infer<typeof caseStatusSchema>;

export function caseStatus(state: CaseState): CaseStatus {
  const decision = state.decision?.issued ? state.decision : null;
  return {
    id: state.id,
    number: state.number,
    type: { code: state.typeCode, version: state.typeVersion },
    state: state.state,
    category: state.category,
    createdAt: state.createdAt,
    submittedAt: state.submittedAt,
    legalStartDate: state.legalStartDate,
    deadlineDate: state.deadlineDate,
    requestedDocuments: state.requestedDocuments,
    manualCheck: awaitsManualCheck(state),
    decision: decision
      ? {
          outcome: decision.outcome,
          decidedAt: state.decidedAt,
          documentNumber: decision.documentNumber,
          validFrom: decision.validFrom,
          validTo: decision.validTo,
        }
      : null,
  };
}

/**
 * The case as the creating request left it: its first events, written in that request's one
 * transaction at one instant by its caller (and by the system deciding on submission). A repeated request answers with this, so that the answer is
 * the same however the case has moved on since.
 */
export function stateAtCreation(
  events: CaseEvent[],
  definitionOf: (typeCode: string, typeVersion: number) => CaseTypeDefinition,
  clock: DeadlineClock,
): CaseState {
  const first = events[0];
  const creation: CaseEvent[] = [];
  for (const event of events) {
    const sameRequest =
      event.at.getTime() === first?.at.getTime() &&
      ((event.actor.type === first.actor.type && event.actor.id === first.actor.id) ||
        event.actor.type === "system");
    if (!sameRequest) break;
    creation.push(event);
  }
  return replayCase(creation, definitionOf, clock);
}
