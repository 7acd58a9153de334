import { z } from "zod";
import { applicationRoute, applicationSchema, caseParams, errorResponses, limits } from "../api-schemas.js";
import { whoMayCall } from "../who-may-call.js";

export const chooseExpressTierSchema = {
  ...applicationRoute,
  summary: "Choose standard or express processing",
  description:
    "For case types with express tiers (`fee.expressTiers`): a tier code, or null for standard " +
    "processing. The fee due follows the choice; it cannot change once the fee is paid (409 " +
    `\`fee_settled\`). ${whoMayCall} ${limits}`,
  params: caseParams,
  body: z.object({ tier: z.string().max(100).nullable().describe("Express tier code, or null") }).strict(),
  response: { 200: applicationSchema, ...errorResponses },
};
