import type { FastifyReply } from "fastify";
import { applicationPaths } from "../application-steps.js";
import type { caseParams, PageRequest } from "../page-options.js";
import type { PortalServices } from "../portal-services.js";
import { readOwnCase } from "../read-own-case.js";
import { presentReceipt } from "./presenter.js";

/** The receipt of a submitted application (a draft goes back to "check your answers"). */
export async function showReceipt(
  services: PortalServices,
  request: PageRequest<typeof caseParams>,
  reply: FastifyReply,
) {
  const context = services.cases.contextFor(request);
  const { state, definition } = await readOwnCase(context, request.params.id, "receipt");
  if (state.state === definition.initialState) return reply.redirect(applicationPaths.check(state.id), 303);
  return reply.render("cases/portal/receipt/receipt.njk", presentReceipt(request, state, definition));
}
