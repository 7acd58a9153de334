import type { FastifyInstance } from "fastify";
import type { NoticeServices } from "../cases/index.js";
import { registerInterviewPage } from "./pages/interview/routes.js";
import { registerAsylumPages } from "./pages/time-limits/routes.js";
import { registerOwnAsylumCasePage } from "./portal/case-page/routes.js";

/** The asylum unit's pages of a case (time limits, interview) and the applicant's page in the portal. */
export function registerAsylumRoutes(app: FastifyInstance, services: NoticeServices): void {
  registerAsylumPages(app, services.cases);
  registerInterviewPage(app, services);
  registerOwnAsylumCasePage(app, services.cases);
}
