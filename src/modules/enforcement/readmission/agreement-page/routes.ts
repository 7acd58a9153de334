import type { FastifyInstance } from "fastify";
import { staffPage } from "../../page-options.js";
import type { ReadmissionModule } from "../readmission-module.js";
import { showAgreements } from "./handler.js";

/** /readmission/agreements: the agreements' configuration, value by value with its source. */
export function registerAgreementsPage(app: FastifyInstance, module: ReadmissionModule): void {
  const options = staffPage(module.guards.requirePermission("readmission.manage"));
  app.get("/readmission/agreements", options, (request, reply) => showAgreements(module, request, reply));
}
