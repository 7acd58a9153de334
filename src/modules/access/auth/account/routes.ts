import type { FastifyInstance } from "fastify";
import type { AccessModule } from "../../module.js";
import { hidden } from "../auth-page-helpers.js";
import { showAccount, showSignedOut, signOutHere } from "./handler.js";

/** /account, signing out, and the page after it. */
export function registerAccountPages(app: FastifyInstance, access: AccessModule): void {
  app.post("/sign-out", { schema: hidden }, (request, reply) => signOutHere(access, request, reply));
  app.get("/signed-out", { schema: hidden }, showSignedOut);
  app.get("/account", { schema: hidden, preHandler: access.guards.requireSignedIn }, (request, reply) =>
    showAccount(access, request, reply),
  );
}
