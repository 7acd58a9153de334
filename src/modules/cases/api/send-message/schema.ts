import { z } from "zod";
import { accountRateLimits } from "../../account-rate-limits.js";
import { maxMessageLength } from "../../portal/messages/form.js";
import { applicationRoute, applicationSchema, caseParams, errorResponses, limits } from "../api-schemas.js";

export const sendMessageSchema = {
  ...applicationRoute,
  summary: "Write to the officer",
  description:
    "A message to the officer handling the submitted case, shown to both on the case. Not before " +
    "submission nor once the case is decided or closed (409 `messages_closed`). Each account may send " +
    `${accountRateLimits.applicantMessages.max} messages in ${accountRateLimits.applicantMessages.windowSeconds / 60} ` +
    `minutes (then 429 \`too_many_messages\` with \`Retry-After\`). ${limits}`,
  params: caseParams,
  body: z
    .object({ message: z.string().trim().min(1).max(maxMessageLength).describe("The message") })
    .strict(),
  response: { 201: applicationSchema, ...errorResponses },
};
