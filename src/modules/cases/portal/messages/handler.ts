import type { FastifyReply } from "fastify";
import { DomainError } from "../../../../platform/errors/index.js";
import { RateLimitedError } from "../../../../platform/rate-limits/index.js";
import { accountRateLimits, countForAccount, tellRetryAfter } from "../../account-rate-limits.js";
import { messagesOpen, sendMessage } from "../../operations/add-note.js";
import { applicationPaths } from "../application-steps.js";
import { textField } from "../case-heading.js";
import { renderCaseStatus } from "../case-status-view.js";
import type { caseParams, PageRequest } from "../page-options.js";
import type { PortalServices } from "../portal-services.js";
import { readOwnCase } from "../read-own-case.js";
import { messageProblem } from "./form.js";

/** The applicant writes to the officer from the case page; a refused message shows the page again. */
export async function sendMessageHandler(
  services: PortalServices,
  request: PageRequest<typeof caseParams>,
  reply: FastifyReply,
) {
  const { cases } = services;
  const context = cases.contextFor(request);
  const own = await readOwnCase(context, request.params.id, "status");
  const message = textField(request.body, "message").trim();
  const showAgain = (status: number, text: string) =>
    renderCaseStatus(request, reply.status(status), services, {
      ...own,
      errors: [{ text, href: "#message" }],
      errorsByField: { message: text },
      values: { message },
    });
  const problem = messagesOpen(own.state, own.definition)
    ? messageProblem(message)
    : "portal.status.errors.messagesClosed";
  if (problem) return showAgain(422, request.t(problem));
  try {
    await countForAccount(cases, request, accountRateLimits.applicantMessages);
    await sendMessage(context, own.state.id, message);
  } catch (error) {
    if (error instanceof RateLimitedError) {
      tellRetryAfter(reply, error);
      return showAgain(429, request.t(error.messageKey, error.messageValues));
    }
    // Decided or closed between reading the page and sending.
    if (error instanceof DomainError && error.code === "messages_closed")
      return showAgain(409, request.t("portal.status.errors.messagesClosed"));
    throw error;
  }
  return reply.redirect(`${applicationPaths.status(own.state.id)}?done=messageSent`, 303);
}
