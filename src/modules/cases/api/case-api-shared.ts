import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { UnauthenticatedError } from "../../../platform/errors/index.js";
import type { I18n } from "../../../platform/http/index.js";
import type { CasesContext } from "../cases-context.js";
import type { CaseState } from "../engine/case-state.js";
import type { CasesModule } from "../module.js";

/** What an officer sends with a step that a case type's own module takes. */
export interface ModuleStepInput {
  reasons?: string | undefined;
  comment?: string | undefined;
  occurredOn?: string | undefined;
  record?: string | undefined;
  /** The answers the step asks, as its transition declares them, already checked (`checkStepAnswers`). */
  answers: Record<string, string>;
}

/**
 * A module's own operation for the steps of its case type (`actionsPage`): it records what the step
 * brings beside the case in the engine's transaction. The module supplies it at start-up, since the
 * case engine may not depend on the modules built on it.
 */
export type ModuleStepRunner = (
  context: CasesContext,
  caseId: string,
  expectedSeq: number | undefined,
  step: string,
  input: ModuleStepInput,
) => Promise<CaseState>;

export interface CaseApiDependencies {
  cases: CasesModule;
  /** Translations of the notices a held case sends its applicant. */
  i18n: I18n;
  /** The operations of case types whose module takes their steps, by case-type code. */
  moduleSteps?: ReadonlyMap<string, ModuleStepRunner>;
}

export const typeCodeParam = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/)
  .describe("Case type code");

export const answersDescription =
  "The answers to the case type's form, by question (field) name: text as strings, dates as YYYY-MM-DD, " +
  "countries as ISO 3166-1 alpha-2 codes, an address as { street, city, region, postcode } " +
  "with region empty or a code of the region list (ISO 3166-2:AZ, e.g. AZ-BA). " +
  "Questions that do not apply are left out; an unknown question is refused.";

export const idempotencyHeaders = z.looseObject({
  "idempotency-key": z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe(
      "Any unique string (a UUID) per intended creation. A retry with the same key and body creates " +
        "nothing new and answers 200 with the first answer; the same key with another body answers 422; " +
        "a retry while the first request is still running answers 409.",
    ),
});

/**
 * Creating cases is for systems holding an API key. Such requests carry no cookie that a forged
 * cross-site request could ride on, so the CSRF check is off for these routes, and a request
 * without a key is refused here (a browser session applies through the portal's forms).
 */
export async function requireApiKey(request: FastifyRequest): Promise<void> {
  if (!request.usesApiKey || !request.principal?.apiKeyId) throw new UnauthenticatedError("api_key_required");
}
