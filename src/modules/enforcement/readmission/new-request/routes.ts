import type { FastifyInstance } from "fastify";
import { staffPage } from "../../page-options.js";
import type { ReadmissionModule } from "../readmission-module.js";
import { registerRequestFromForm, showNewRequestForm } from "./handler.js";

/** /readmission/new: an incoming or outgoing request, typed from the agreement's common form. */
export function registerNewRequestPage(app: FastifyInstance, module: ReadmissionModule): void {
  const options = staffPage(module.guards.requirePermission("readmission.manage"));
  app.get("/readmission/new", options, (request, reply) => showNewRequestForm(request, reply));
  app.post("/readmission/new", options, (request, reply) => registerRequestFromForm(module, request, reply));
}
