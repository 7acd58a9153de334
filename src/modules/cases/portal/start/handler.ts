import type { FastifyReply, FastifyRequest } from "fastify";
import { NotFoundError } from "../../../../platform/errors/index.js";
import { visiblePages } from "../../definition/validate-answers.js";
import { startApplication } from "../../operations/start-application.js";
import { applicationPaths } from "../application-steps.js";
import { caseTypesOpenTo } from "../case-types-open-to.js";
import type { PortalServices } from "../portal-services.js";
import { presentStartPage } from "./presenter.js";

type StartRequest = FastifyRequest<{ Params: { code: string } }>;

export async function showStartPage(services: PortalServices, request: StartRequest, reply: FastifyReply) {
  const definition = caseTypesOpenTo(request, services).find((one) => one.code === request.params.code);
  if (!definition) throw new NotFoundError("unknown_case_type");
  return reply.render("cases/portal/start/start.njk", presentStartPage(request, definition));
}

/** Starts a draft and opens its first page. */
export async function startDraft(services: PortalServices, request: StartRequest, reply: FastifyReply) {
  const { cases } = services;
  const state = await startApplication(cases.contextFor(request), request.params.code);
  const definition = cases.registry.get(state.typeCode, state.typeVersion);
  const [first] = visiblePages(definition, state.answers);
  return reply.redirect(
    first ? applicationPaths.page(state.id, first.id) : applicationPaths.status(state.id),
    303,
  );
}
