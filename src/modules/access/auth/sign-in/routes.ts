import type { FastifyInstance } from "fastify";
import type { AccessModule } from "../../module.js";
import { hidden, perAddressLimit } from "../auth-page-helpers.js";
import { checkPassword, showSignIn } from "./handler.js";

/** /sign-in: the e-mail address and password, the first step for everyone. */
export function registerSignInPage(app: FastifyInstance, access: AccessModule): void {
  app.get("/sign-in", { schema: hidden }, showSignIn);
  app.post("/sign-in", { schema: hidden, config: perAddressLimit }, (request, reply) =>
    checkPassword(access, request, reply),
  );
}
