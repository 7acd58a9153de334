import { ConflictError, DomainError } from "../../../platform/errors/index.js";
import { authorizeOnCase } from "../case-access.js";
import type { CasesContext } from "../cases-context.js";
import type { CaseTypeDefinition } from "../definition/case-type.js";
import type { CaseState } from "../engine/case-state.js";
import { changeCase } from "../engine/change-case.js";

function text(value: string): string {
  const trimmed = value.trim();
  if (trimmed.length === 0 || trimmed.length > 4000)
    throw new DomainError("text_length", 422, "cases.errors.text_length");
  return trimmed;
}

/** An internal note on the case file: seen by staff only. */
export async function addNote(context: CasesContext, caseId: string, note: string): Promise<CaseState> {
  return changeCase(context, caseId, undefined, "case.note_added", async ({ state, definition, tx }) => {
    await authorizeOnCase(context, tx, "cases.read", state, definition);
    return [{ type: "case.note_added", payload: { text: text(note) } }];
  });
}

/**
 * Whether the applicant and the officer may write to each other on the case: from its submission
 * until it is decided or closed. After that, a new question is a new application or an appeal.
 */
export function messagesOpen(
  state: Pick<CaseState, "state" | "category">,
  definition: Pick<CaseTypeDefinition, "initialState">,
): boolean {
  return (
    state.state !== definition.initialState && state.category !== "decided" && state.category !== "closed"
  );
}

/** A message between the officer and the applicant, shown to both on the case while it is open. */
export async function sendMessage(
  context: CasesContext,
  caseId: string,
  message: string,
): Promise<CaseState> {
  return changeCase(context, caseId, undefined, "case.message_sent", async ({ state, definition, tx }) => {
    const fromApplicant = context.principal?.kind === "public";
    await authorizeOnCase(context, tx, fromApplicant ? "applicant" : "cases.process", state, definition);
    if (!messagesOpen(state, definition))
      throw new ConflictError("messages_closed", "cases.errors.messages_closed");
    return [
      {
        type: "case.message_sent",
        payload: { from: fromApplicant ? "applicant" : "officer", text: text(message) },
      },
    ];
  });
}
