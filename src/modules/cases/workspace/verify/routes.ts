import type { FastifyInstance } from "fastify";
import type { Workspace } from "../workspace.js";
import { askForCode, checkSeal, showVerification } from "./handler.js";

/**
 * An enumeration target: a code per minute and address is plenty for a border guard or an
 * employer checking papers, and far too few to guess 64-bit codes.
 */
const verifyRateLimit = { rateLimit: { max: 30, timeWindow: "1 minute" } };

/** Checking a seal reads a whole file (up to 10 MB): fewer per minute than code lookups. */
const sealCheckRateLimit = { rateLimit: { max: 10, timeWindow: "1 minute" } };

/** The public page that confirms an issued permit or registration from its QR code or its seal. */
export async function registerVerifyPages(app: FastifyInstance, workspace: Workspace): Promise<void> {
  const publicPage = { schema: { hide: true }, config: verifyRateLimit };
  app.get("/verify", publicPage, (request, reply) => askForCode(request, reply));
  app.post("/verify/seal", { schema: { hide: true }, config: sealCheckRateLimit }, (request, reply) =>
    checkSeal(workspace, request, reply),
  );
  app.get<{ Params: { code: string } }>("/verify/:code", publicPage, (request, reply) =>
    showVerification(workspace, request, reply),
  );
}
