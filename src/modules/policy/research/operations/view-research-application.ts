import { actorOf, recordAudit } from "../../../access/index.js";
import { ownApplication, reviewedApplication } from "../research-access.js";
import { findRelease, type ResearchApplication, type ResearchRelease } from "../research-repository.js";
import type { ResearchContext } from "../research-services.js";

export interface ApplicationView {
  application: ResearchApplication;
  release: ResearchRelease | null;
}

/** The researcher reads their own application, its decision and its release. */
export async function viewOwnResearchApplication(
  context: ResearchContext,
  id: string,
): Promise<ApplicationView> {
  const application = await ownApplication(context, id);
  return { application, release: await findRelease(context.db, id) };
}

/** The data protection officer reads an application (the researcher's personal data: audited). */
export async function reviewResearchApplication(
  context: ResearchContext,
  id: string,
): Promise<ApplicationView> {
  const application = await reviewedApplication(context, id);
  await recordAudit(context.db, {
    actor: actorOf(context.principal),
    action: "research_application.read",
    outcome: "success",
    entityType: "research_application",
    entityId: id,
    ip: context.ip,
    requestId: context.requestId,
  });
  return { application, release: await findRelease(context.db, id) };
}

/** The ethics approval's content, for the data protection officer (audited). */
export async function readEthicsApproval(
  context: ResearchContext,
  id: string,
): Promise<{ fileName: string; content: Buffer }> {
  const application = await reviewedApplication(context, id);
  const content = await context.documents.readDocument(application.ethicsDocumentId);
  await recordAudit(context.db, {
    actor: actorOf(context.principal),
    action: "research_application.ethics_read",
    outcome: "success",
    entityType: "research_application",
    entityId: id,
    ip: context.ip,
    requestId: context.requestId,
  });
  return { fileName: application.ethicsFileName, content };
}
