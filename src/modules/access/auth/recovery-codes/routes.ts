import type { FastifyInstance } from "fastify";
import type { AccessModule } from "../../module.js";
import { hidden, perAddressLimit } from "../auth-page-helpers.js";
import { regenerate, showRegenerate } from "./handler.js";

/** /staff/recovery-codes: new recovery codes for a signed-in staff member. */
export function registerRecoveryCodesPage(app: FastifyInstance, access: AccessModule): void {
  const signedIn = { schema: hidden, preHandler: access.guards.requireSignedIn };
  app.get("/staff/recovery-codes", signedIn, (request, reply) => showRegenerate(access, request, reply));
  app.post("/staff/recovery-codes", { ...signedIn, config: perAddressLimit }, (request, reply) =>
    regenerate(access, request, reply),
  );
}
