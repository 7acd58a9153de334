import type { FastifyInstance } from "fastify";
import type { AccessModule } from "../../module.js";
import { hidden, perAddressLimit } from "../auth-page-helpers.js";
import { checkCode, showCodeForm } from "./handler.js";

/** /sign-in/code: staff's second factor, once it is set up. */
export function registerSignInCodePage(app: FastifyInstance, access: AccessModule): void {
  app.get("/sign-in/code", { schema: hidden }, (request, reply) => showCodeForm(access, request, reply));
  app.post("/sign-in/code", { schema: hidden, config: perAddressLimit }, (request, reply) =>
    checkCode(access, request, reply),
  );
}
