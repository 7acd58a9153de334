import { ForbiddenError, NotFoundError } from "../../../platform/errors/index.js";
import { actorOf, authorize, type Principal, recordAudit } from "../../access/index.js";
import { findApplication, type ResearchApplication } from "./research-repository.js";
import type { ResearchContext } from "./research-services.js";

/** Researchers are members of the public signed in with their browser (not staff, not an API key). */
export function researcherOf(context: ResearchContext): Principal {
  const principal = context.principal;
  if (principal?.kind !== "public" || principal.apiKeyId)
    throw new ForbiddenError("research_public_account_only");
  return principal;
}

/**
 * The researcher's own application. Anyone else's answers 404 as an unknown one would (its
 * existence is not revealed), and the refusal is audited.
 */
export async function ownApplication(context: ResearchContext, id: string): Promise<ResearchApplication> {
  const researcher = researcherOf(context);
  const application = await findApplication(context.db, id);
  if (application && application.applicantUserId === researcher.userId) return application;
  if (application)
    await recordAudit(context.db, {
      actor: actorOf(researcher),
      action: "access.denied",
      outcome: "denied",
      entityType: "research_application",
      entityId: id,
      ip: context.ip,
      requestId: context.requestId,
      details: { reason: "not_owner" },
    });
  throw new NotFoundError("research_application_not_found");
}

/** An application as the data protection officer (`research.review`) reads it. */
export async function reviewedApplication(
  context: ResearchContext,
  id: string,
): Promise<ResearchApplication> {
  await authorize(context, "research.review");
  const application = await findApplication(context.db, id);
  if (!application) throw new NotFoundError("research_application_not_found");
  return application;
}
