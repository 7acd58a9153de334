import type { FastifyReply, FastifyRequest } from "fastify";
import { DomainError, NotFoundError } from "../../../platform/errors/index.js";
import type { Documents } from "../../../platform/files/index.js";
import type { I18n } from "../../../platform/http/index.js";
import type { PaymentProvider } from "../../../platform/payments/index.js";
import type { CasesContext } from "../cases-context.js";
import type { CaseTypeDefinition } from "../definition/case-type.js";
import type { CaseState } from "../engine/case-state.js";
import type { CasesModule } from "../module.js";
import { requireScopeForCaseType } from "./case-api-scopes.js";
import { readCaseStatus } from "./read-case-status.js";

/** What the step-by-step application API needs, wired by the composition root (app.ts). */
export interface ApplicationApiDependencies {
  cases: CasesModule;
  /** The encrypted document store uploads go to. */
  documents: Documents;
  /** The payment provider; undefined where none is configured. */
  payments: PaymentProvider | undefined;
  /** Translations in a language other than the request's: decision documents, e-mails. */
  i18n: I18n;
}

export interface OwnApplication {
  context: CasesContext;
  state: CaseState;
  definition: CaseTypeDefinition;
}

/**
 * The caller's own application named in the address (`:id`): someone else's answers 404 as if it did not exist (audited), then
 * a key without the case type's scope is refused (403 `insufficient_scope`). The operations check ownership again in
 * their own transaction; this first read lets the scope be checked against the case's type.
 */
export async function ownApplication(
  cases: CasesModule,
  request: FastifyRequest & { params: { id: string } },
  reply: FastifyReply,
  access: "read" | "write",
): Promise<OwnApplication> {
  const caseId = request.params.id;
  const context = cases.contextFor(request);
  let state: CaseState;
  try {
    state = await readCaseStatus(context, caseId, (definition) =>
      requireScopeForCaseType(cases.db, request, reply, definition, access),
    );
  } catch (error) {
    // An account that may not apply for this type at all (an employer, a case of an applicant's
    // own) learns no more than a stranger: the case is not found. The refusal is audited already.
    if (error instanceof DomainError && error.code === "forbidden") throw new NotFoundError("case_not_found");
    throw error;
  }
  return { context, state, definition: cases.registry.get(state.typeCode, state.typeVersion) };
}
