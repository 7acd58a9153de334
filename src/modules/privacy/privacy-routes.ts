import type { FastifyInstance } from "fastify";
import { registerCorrectionPortalRoutes } from "./correction/correction-portal-routes.js";
import { registerCorrectionWorkspaceRoutes } from "./correction/correction-workspace-routes.js";
import type { PrivacyServices } from "./privacy-services.js";
import { registerSubjectAccessRoutes } from "./subject-access/subject-access-routes.js";

/**
 * The data subject's rights: their own data to see and download (`/account/my-data`), requests
 * to correct it, and the officers' list of those requests (`/corrections`).
 */
export async function registerDataSubjectRoutes(
  app: FastifyInstance,
  services: PrivacyServices,
): Promise<void> {
  await registerSubjectAccessRoutes(app, services);
  await registerCorrectionPortalRoutes(app, services);
  await registerCorrectionWorkspaceRoutes(app, services);
}
