import type { FastifyInstance } from "fastify";
import { staffPage } from "../../page-options.js";
import type { ReadmissionModule } from "../readmission-module.js";
import { showDashboard } from "./handler.js";

/** /readmission: the readmission officers' overview. */
export function registerReadmissionDashboard(app: FastifyInstance, module: ReadmissionModule): void {
  const options = staffPage(module.guards.requirePermission("readmission.manage"));
  app.get("/readmission", options, (request, reply) => showDashboard(module, request, reply));
}
