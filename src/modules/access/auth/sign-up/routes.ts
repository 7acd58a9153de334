import type { FastifyInstance } from "fastify";
import type { AccessModule } from "../../module.js";
import { hidden, perAddressLimit } from "../auth-page-helpers.js";
import { createAccount, showCheckEmail, showSignUp } from "./handler.js";

/** /sign-up: a public account (applicant, host or employer), then "check your e-mail". */
export function registerSignUpPage(app: FastifyInstance, access: AccessModule): void {
  app.get("/sign-up", { schema: hidden }, showSignUp);
  app.post("/sign-up", { schema: hidden, config: perAddressLimit }, (request, reply) =>
    createAccount(access, request, reply),
  );
  app.get("/sign-up/check-email", { schema: hidden }, showCheckEmail);
}
