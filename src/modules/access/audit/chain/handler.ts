import type { FastifyReply, FastifyRequest } from "fastify";
import type { AccessModule } from "../../module.js";
import { readAuditChainStatus, verifyAuditTrailNow } from "../audit-chain-status.js";
import { auditorContextFrom, subNavigation } from "../auditor-pages.js";
import type { AuditVerificationReport } from "../verify-audit-trail.js";
import { chainStatusView, verificationView } from "./presenter.js";

async function renderChain(
  access: AccessModule,
  request: FastifyRequest,
  reply: FastifyReply,
  verification: AuditVerificationReport | null,
) {
  const status = await readAuditChainStatus(auditorContextFrom(request, access));
  return reply.render("access/audit/chain/chain.njk", {
    title: request.t("audit.chain.title"),
    subNavigation: subNavigation(request, "chain"),
    anchorFile: access.config.auditAnchorFile,
    ...chainStatusView(request, status),
    verification: verification ? verificationView(request, verification) : null,
  });
}

export async function showChainStatus(access: AccessModule, request: FastifyRequest, reply: FastifyReply) {
  return renderChain(access, request, reply, null);
}

export async function verifyChainNow(access: AccessModule, request: FastifyRequest, reply: FastifyReply) {
  const report = await verifyAuditTrailNow(auditorContextFrom(request, access));
  return renderChain(access, request, reply, report);
}
