import type { FastifyInstance } from "fastify";
import type { AccessModule } from "../../module.js";
import { auditorPage } from "../auditor-pages.js";
import { showChainStatus, verifyChainNow } from "./handler.js";

/** /audit/chain: the seal chain's state, and verifying it now (a long walk, so few a minute). */
export function registerAuditChainPage(app: FastifyInstance, access: AccessModule): void {
  const verifyOptions = { ...auditorPage(access), config: { rateLimit: { max: 5, timeWindow: "1 minute" } } };
  app.get("/audit/chain", auditorPage(access), (request, reply) => showChainStatus(access, request, reply));
  app.post("/audit/chain/verify", verifyOptions, (request, reply) => verifyChainNow(access, request, reply));
}
