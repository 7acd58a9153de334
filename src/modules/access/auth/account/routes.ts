import type { FastifyInstance } from "fastify";
import { withIdParams } from "../../id-params.js";
import type { AccessModule } from "../../module.js";
import { hidden } from "../auth-page-helpers.js";
import { forgetAllDevices, forgetDevice } from "./devices-handler.js";
import { showAccount, showSignedOut, signOutHere } from "./handler.js";

/** /account with its known devices, signing out, and the page after it. */
export function registerAccountPages(app: FastifyInstance, access: AccessModule): void {
  app.post("/sign-out", { schema: hidden }, (request, reply) => signOutHere(access, request, reply));
  app.get("/signed-out", { schema: hidden }, showSignedOut);
  app.get("/account", { schema: hidden, preHandler: access.guards.requireSignedIn }, (request, reply) =>
    showAccount(access, request, reply),
  );
  const signedIn = { schema: hidden, preHandler: access.guards.requireSignedIn };
  app.post("/account/devices/:id/forget", withIdParams(signedIn), (request, reply) =>
    forgetDevice(access, request, reply),
  );
  app.post("/account/devices/forget-all", signedIn, (request, reply) =>
    forgetAllDevices(access, request, reply),
  );
}
