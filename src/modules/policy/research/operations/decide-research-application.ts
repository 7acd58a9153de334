import { ConflictError, DomainError } from "../../../../platform/errors/index.js";
import { actorOf, recordAudit } from "../../../access/index.js";
import { orderedVariables } from "../extract/extract-variables.js";
import { reviewedApplication } from "../research-access.js";
import { mailDecisionNotice } from "../research-notices.js";
import { insertRelease, type ResearchApplication, recordDecision } from "../research-repository.js";
import type { ResearchContext } from "../research-services.js";
import { periodDays } from "./apply-for-research-data.js";

export type ResearchDecisionInput =
  | { outcome: "approve"; reasons: string }
  | { outcome: "narrow"; reasons: string; variables: string[]; fromMonth: string; toMonth: string }
  | { outcome: "refuse"; reasons: string };

const day = 24 * 60 * 60 * 1000;

/**
 * The data protection officer decides: approves the application as asked, narrows it (fewer
 * variables, a shorter period, never more than asked), or refuses it, with reasons each time. An
 * approval opens one download until the configured expiry, with k from the configuration. The
 * decision, the release and the audit record are written together; then the researcher is told.
 */
export async function decideResearchApplication(
  context: ResearchContext,
  id: string,
  input: ResearchDecisionInput,
): Promise<ResearchApplication> {
  const application = await reviewedApplication(context, id);
  const officer = context.principal;
  if (!officer) throw new Error("authorised without a principal");
  if (application.status !== "submitted") throw new ConflictError("research_application_decided");
  const granted = grantedScope(application, input);
  const now = context.clock.now();
  const decided = await context.db.transaction(async (tx) => {
    const stored = await recordDecision(tx, id, {
      status: input.outcome === "approve" ? "approved" : input.outcome === "narrow" ? "narrowed" : "refused",
      ...granted,
      reasons: input.reasons,
      decidedBy: officer.userId,
      decidedAt: now,
    });
    if (!stored) throw new ConflictError("research_application_decided");
    if (stored.status !== "refused")
      await insertRelease(tx, {
        applicationId: id,
        k: context.config.researchK,
        expiresAt: new Date(now.getTime() + context.config.researchExtractDays * day),
        createdAt: now,
      });
    await recordAudit(tx, {
      actor: actorOf(officer),
      action: `research_application.${stored.status}`,
      outcome: "success",
      entityType: "research_application",
      entityId: id,
      ip: context.ip,
      requestId: context.requestId,
      details: {
        variables: stored.grantedVariables?.join(",") ?? null,
        from: stored.grantedFrom,
        to: stored.grantedTo,
        k: stored.status === "refused" ? null : context.config.researchK,
      },
    });
    return stored;
  });
  await mailDecisionNotice(context, decided);
  return decided;
}

function grantedScope(
  application: ResearchApplication,
  input: ResearchDecisionInput,
): { grantedVariables: string[] | null; grantedFrom: string | null; grantedTo: string | null } {
  if (input.outcome === "refuse") return { grantedVariables: null, grantedFrom: null, grantedTo: null };
  if (input.outcome === "approve")
    return {
      grantedVariables: application.variables,
      grantedFrom: application.periodFrom,
      grantedTo: application.periodTo,
    };
  const variables = orderedVariables(input.variables).filter((one) => application.variables.includes(one));
  if (variables.length === 0 || variables.length !== new Set(input.variables).size)
    throw new DomainError("research_narrowing_invalid", 422, "research.errors.narrowVariables");
  const period = input.fromMonth <= input.toMonth ? periodDays(input.fromMonth, input.toMonth) : null;
  if (!period || period.from < application.periodFrom || period.to > application.periodTo)
    throw new DomainError("research_narrowing_invalid", 422, "research.errors.narrowPeriod");
  return { grantedVariables: variables, grantedFrom: period.from, grantedTo: period.to };
}
