import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { PortalServices } from "../portal-services.js";
import { readOwnCase } from "../read-own-case.js";
import { presentDecision } from "./present-decision.js";

type Guard = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined>;

/**
 * The decision letter as an accessible page of the portal (the PDF stays for printing). Only the
 * applicant of the case sees it (someone else gets 404, audited); every view is audited.
 */
export async function registerDecisionPageRoutes(
  app: FastifyInstance,
  services: PortalServices,
  guard: Guard,
): Promise<void> {
  const { cases } = services;
  app.get<{ Params: { id: string } }>(
    "/applications/:id/decision",
    { preHandler: guard, schema: { hide: true } },
    async (request, reply) => {
      const own = await readOwnCase(cases.contextFor(request), request.params.id, "decision-page");
      const page = await presentDecision(
        request,
        cases.db,
        cases.config.publicUrl,
        own.state,
        own.definition,
      );
      return reply
        .header("cache-control", "private, no-store")
        .render("cases/views/portal/decision.njk", page);
    },
  );
}
