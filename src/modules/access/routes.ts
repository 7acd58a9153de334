import type { FastifyInstance } from "fastify";
import type { AccessModule } from "./module.js";

/** Pages and API of the access module; each feature keeps its routes in its own file. */
export async function registerAccessRoutes(app: FastifyInstance, access: AccessModule): Promise<void> {
  void app;
  void access;
}
