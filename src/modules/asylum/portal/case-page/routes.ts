import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type CasesModule, caseParams, portalPageWith, requirePortalUser } from "../../../cases/index.js";
import { readOwnAsylumCase } from "../../operations/read-own-asylum-case.js";
import { presentOwnAsylumCase } from "./presenter.js";

/** The asylum applicant's page of their case in the portal. */
export const ownAsylumCasePath = (caseId: string) => `/asylum/applications/${caseId}`;

async function showOwnAsylumCase(
  cases: CasesModule,
  request: FastifyRequest<{ Params: { id: string } }>,
  reply: FastifyReply,
) {
  const own = await readOwnAsylumCase(cases.contextFor(request), request.params.id);
  return reply
    .header("cache-control", "private, no-store")
    .render("asylum/portal/case-page/case-page.njk", presentOwnAsylumCase(request, own));
}

/**
 * GET /asylum/applications/:id: where the case stands, the interview (day, time, place,
 * interpreter), the documents and the decision, for those who follow it in the portal.
 */
export function registerOwnAsylumCasePage(app: FastifyInstance, cases: CasesModule): void {
  app.get<{ Params: { id: string } }>(
    "/asylum/applications/:id",
    portalPageWith(requirePortalUser(cases), caseParams),
    (request, reply) => showOwnAsylumCase(cases, request, reply),
  );
}
