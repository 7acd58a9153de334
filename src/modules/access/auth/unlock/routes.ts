import type { FastifyInstance } from "fastify";
import type { AccessModule } from "../../module.js";
import { hidden, perAddressLimit } from "../auth-page-helpers.js";
import { showUnlock, unlock } from "./handler.js";

/**
 * /sign-in/unlock: the link e-mailed when guesses made sign-in wait; once pressed, this browser
 * becomes a known device of the account.
 */
export function registerUnlockPage(app: FastifyInstance, access: AccessModule): void {
  const options = { schema: hidden, config: perAddressLimit };
  app.get("/sign-in/unlock", options, (request, reply) => showUnlock(access, request, reply));
  app.post("/sign-in/unlock", options, (request, reply) => unlock(access, request, reply));
}
