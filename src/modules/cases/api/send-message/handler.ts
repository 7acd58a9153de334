import type { FastifyReply } from "fastify";
import { ConflictError } from "../../../../platform/errors/index.js";
import { accountRateLimits, countForAccount } from "../../account-rate-limits.js";
import { messagesOpen, sendMessage } from "../../operations/add-note.js";
import type { ApiRequest } from "../api-request.js";
import { applicationView } from "../api-schemas.js";
import { type ApplicationApiDependencies, ownApplication } from "../own-application.js";
import type { sendMessageSchema } from "./schema.js";

export async function sendMessageHandler(
  { cases }: ApplicationApiDependencies,
  request: ApiRequest<typeof sendMessageSchema>,
  reply: FastifyReply,
) {
  const { context, state, definition } = await ownApplication(cases, request, reply, "write");
  if (!messagesOpen(state, definition)) {
    throw new ConflictError("messages_closed", "casesApi.errors.messages_closed");
  }
  await countForAccount(cases, request, accountRateLimits.applicantMessages);
  const sent = await sendMessage(context, state.id, request.body.message);
  return reply.status(201).send(applicationView(sent, definition));
}
