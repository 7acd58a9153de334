import type { FastifyReply, FastifyRequest } from "fastify";
import type { AccessModule } from "../../module.js";
import { formatAuditTime, presentRecord } from "../audit-presenter.js";
import { listAgencies } from "../audit-repository.js";
import { auditorContextFrom, subNavigation } from "../auditor-pages.js";
import { viewAuditRecord } from "../view-audit-record.js";

/** Record ids are whole numbers; anything else in the address is the not-found page. */
function recordIdOf(request: FastifyRequest): number | null {
  const { id } = request.params as { id: string };
  return /^\d{1,15}$/.test(id) ? Number(id) : null;
}

/** GET /audit/:id: one record with its seal. */
export async function showAuditRecord(access: AccessModule, request: FastifyRequest, reply: FastifyReply) {
  const { t, locale } = request;
  const id = recordIdOf(request);
  if (!id) return reply.callNotFound();
  const { record, seal } = await viewAuditRecord(auditorContextFrom(request, access), id);
  const agencies = await listAgencies(access.db);
  return reply.render("access/audit/record/record.njk", {
    title: t("audit.record.title", { id: record.id }),
    subNavigation: subNavigation(request, "search"),
    record: presentRecord(record, t, locale, agencies),
    seal: { ...seal, sealedAtText: "sealedAt" in seal ? formatAuditTime(seal.sealedAt, locale) : null },
  });
}
