import { z } from "zod";
import { applicationRoute, applicationSchema, errorResponses, limits } from "../api-schemas.js";
import { whoMayCall } from "../who-may-call.js";

export const startApplicationSchema = {
  ...applicationRoute,
  summary: "Start an application",
  description:
    "Starts a draft application of this case type, owned by the caller. Fill it in with the other " +
    `\`/api/v1/applications/{id}\` endpoints, then submit it. ${whoMayCall} ${limits}`,
  body: z
    .object({
      typeCode: z
        .string()
        .regex(/^[a-z][a-z0-9-]*$/)
        .describe("Case type code, e.g. `work-permit`"),
    })
    .strict(),
  response: { 201: applicationSchema, ...errorResponses },
};
