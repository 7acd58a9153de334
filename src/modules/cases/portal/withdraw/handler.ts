import type { FastifyReply } from "fastify";
import { ConflictError } from "../../../../platform/errors/index.js";
import { transitionCase } from "../../operations/transition-case.js";
import { applicationPaths } from "../application-steps.js";
import { caseCaption, integerField, textField } from "../case-heading.js";
import { applicantTransition } from "../case-status-view.js";
import type { caseParams, PageRequest } from "../page-options.js";
import type { PortalServices } from "../portal-services.js";
import { readOwnCase } from "../read-own-case.js";

type WithdrawRequest = PageRequest<typeof caseParams>;

/** "Are you sure?": only while the case's state lets the applicant withdraw. */
export async function showWithdrawPage(
  services: PortalServices,
  request: WithdrawRequest,
  reply: FastifyReply,
) {
  const context = services.cases.contextFor(request);
  const { state, definition } = await readOwnCase(context, request.params.id, "withdraw");
  if (!applicantTransition(state, definition, "withdraw")) {
    return reply.redirect(applicationPaths.status(state.id), 303);
  }
  return reply.render("cases/portal/withdraw/withdraw.njk", {
    title: request.t("portal.withdraw.title"),
    caption: caseCaption(request, state, definition),
    caseId: state.id,
    number: state.number,
    expectedSeq: state.lastSeq,
  });
}

export async function withdrawHandler(
  services: PortalServices,
  request: WithdrawRequest,
  reply: FastifyReply,
) {
  const context = services.cases.contextFor(request);
  const { state, definition } = await readOwnCase(context, request.params.id, "withdraw");
  const transition = applicantTransition(state, definition, "withdraw");
  if (!transition) throw new ConflictError("transition_not_allowed", "cases.errors.transition_not_allowed");
  const expectedSeq = integerField(textField(request.body, "expectedSeq"));
  await transitionCase(context, state.id, expectedSeq, transition.name);
  return reply.redirect(`${applicationPaths.status(state.id)}?done=withdrawn`, 303);
}
