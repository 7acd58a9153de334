import { applicationRoute, applicationSchema, caseParams, errorResponses, limits } from "../api-schemas.js";
import { whoMayCall } from "../who-may-call.js";

export const readApplicationSchema = {
  ...applicationRoute,
  summary: "Read an application",
  description:
    "The application with its answers, documents, fee and `seq` (the version to send as `expectedSeq`). " +
    `Needs the type's read or write scope. ${whoMayCall} ${limits}`,
  params: caseParams,
  response: { 200: applicationSchema, ...errorResponses },
};
