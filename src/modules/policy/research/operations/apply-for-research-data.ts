import { randomUUID } from "node:crypto";
import { DomainError } from "../../../../platform/errors/index.js";
import { actorOf, recordAudit } from "../../../access/index.js";
import { isExtractVariable, orderedVariables } from "../extract/extract-variables.js";
import { researcherOf } from "../research-access.js";
import { mailNewApplicationNotice } from "../research-notices.js";
import { insertApplication, type ResearchApplication } from "../research-repository.js";
import type { ResearchContext } from "../research-services.js";

export interface ResearchDataApplicationInput {
  title: string;
  purpose: string;
  institution: string;
  variables: string[];
  /** First and last month asked for (YYYY-MM). */
  fromMonth: string;
  toMonth: string;
  /** The ethics approval, already stored (see platform/files). */
  ethics: { documentId: string; fileName: string };
}

/** The first and last day of a period of months (YYYY-MM … YYYY-MM). */
export function periodDays(fromMonth: string, toMonth: string): { from: string; to: string } {
  const [year, month] = toMonth.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { from: `${fromMonth}-01`, to: `${toMonth}-${String(last).padStart(2, "0")}` };
}

/**
 * A researcher applies for microdata: purpose, variables of the whitelist, period and institution,
 * with the ethics approval. The application and its audit record are written together; then every
 * data protection officer is told that it waits for a decision.
 */
export async function applyForResearchData(
  context: ResearchContext,
  input: ResearchDataApplicationInput,
): Promise<ResearchApplication> {
  const researcher = researcherOf(context);
  const variables = orderedVariables(input.variables);
  if (variables.length === 0 || !input.variables.every(isExtractVariable))
    throw new DomainError("research_variables_invalid", 422, "research.errors.variables");
  if (input.fromMonth > input.toMonth)
    throw new DomainError("research_period_invalid", 422, "research.errors.periodOrder");
  const period = periodDays(input.fromMonth, input.toMonth);
  const application = await context.db.transaction(async (tx) => {
    const stored = await insertApplication(tx, {
      id: randomUUID(),
      applicantUserId: researcher.userId,
      title: input.title,
      purpose: input.purpose,
      institution: input.institution,
      variables,
      periodFrom: period.from,
      periodTo: period.to,
      ethicsDocumentId: input.ethics.documentId,
      ethicsFileName: input.ethics.fileName,
      createdAt: context.clock.now(),
    });
    await recordAudit(tx, {
      actor: actorOf(researcher),
      action: "research_application.submitted",
      outcome: "success",
      entityType: "research_application",
      entityId: stored.id,
      ip: context.ip,
      requestId: context.requestId,
      details: { variables: variables.join(","), from: period.from, to: period.to },
    });
    return stored;
  });
  await mailNewApplicationNotice(context, application);
  return application;
}
