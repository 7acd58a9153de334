import type { FastifyInstance } from "fastify";
import { registerAgreementsPage } from "./agreement-page/routes.js";
import { registerReadmissionApi } from "./api/readmission-api-routes.js";
import { registerReadmissionDashboard } from "./dashboard/routes.js";
import { registerNewRequestPage } from "./new-request/routes.js";
import type { ReadmissionModule } from "./readmission-module.js";
import { registerRequestPage } from "./request/routes.js";

/** The readmission officers' pages. The fixed paths come before /readmission/:id. */
export function registerReadmissionPages(app: FastifyInstance, module: ReadmissionModule): void {
  registerReadmissionDashboard(app, module);
  registerNewRequestPage(app, module);
  registerAgreementsPage(app, module);
  registerRequestPage(app, module);
  registerReadmissionApi(app, module);
}
