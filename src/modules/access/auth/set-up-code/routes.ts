import type { FastifyInstance } from "fastify";
import type { AccessModule } from "../../module.js";
import { hidden, perAddressLimit } from "../auth-page-helpers.js";
import { confirmSetUp, showSetUp } from "./handler.js";

/** /sign-in/set-up-code: staff set up their authenticator app at their first sign-in. */
export function registerSetUpCodePage(app: FastifyInstance, access: AccessModule): void {
  app.get("/sign-in/set-up-code", { schema: hidden }, (request, reply) => showSetUp(access, request, reply));
  app.post("/sign-in/set-up-code", { schema: hidden, config: perAddressLimit }, (request, reply) =>
    confirmSetUp(access, request, reply),
  );
}
