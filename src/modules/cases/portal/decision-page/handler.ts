import type { FastifyReply } from "fastify";
import type { caseParams, PageRequest } from "../page-options.js";
import type { PortalServices } from "../portal-services.js";
import { readOwnCase } from "../read-own-case.js";
import { presentDecision } from "./present-decision.js";

export async function showDecisionPage(
  services: PortalServices,
  request: PageRequest<typeof caseParams>,
  reply: FastifyReply,
) {
  const { cases } = services;
  const own = await readOwnCase(cases.contextFor(request), request.params.id, "decision-page");
  const page = await presentDecision(request, cases.db, cases.config.publicUrl, own.state, own.definition);
  return reply
    .header("cache-control", "private, no-store")
    .render("cases/portal/decision-page/decision.njk", page);
}
