import { Readable } from "node:stream";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { csvLine } from "../../../platform/csv/index.js";
import { type FieldError, formError, parseForm } from "../../../platform/http/index.js";
import type { AccessModule } from "../module.js";
import { requestOrigin } from "../request-context.js";
import { readAuditChainStatus, verifyAuditTrailNow } from "./audit-chain-status.js";
import { auditOutcomes, auditSearchForm, auditSearchQuery, filtersOf } from "./audit-filters.js";
import {
  actorLabel,
  agencyName,
  formatAuditTime,
  formatNumber,
  presentAnchorCheck,
  presentRecord,
} from "./audit-presenter.js";
import { type AgencyChoice, listAgencies } from "./audit-repository.js";
import type { AuditorContext } from "./auditor-context.js";
import { exportAuditTrail } from "./export-audit-trail.js";
import { searchAuditTrail, UnknownActorError } from "./search-audit-trail.js";
import type { AuditVerificationReport } from "./verify-audit-trail.js";
import { viewAuditRecord } from "./view-audit-record.js";

const pageSize = 50;

/** The filter fields, in the order the form and the links carry them. */
const filterNames = ["from", "to", "actor", "action", "outcome", "entityType", "entityId", "agency"] as const;

/** What was typed into the filters, kept as typed so that the form shows it back. */
function typedFilters(query: unknown): Record<string, string> {
  const source = (query ?? {}) as Record<string, unknown>;
  const values: Record<string, string> = {};
  for (const name of filterNames) {
    const value = source[name];
    if (typeof value === "string" && value.trim() !== "") values[name] = value.trim();
  }
  return values;
}

function searchHref(
  path: string,
  filters: Record<string, string>,
  extra: Record<string, string> = {},
): string {
  const query = new URLSearchParams({ ...filters, ...extra }).toString();
  return query ? `${path}?${query}` : path;
}

const recordView = z.object({
  id: z.number().int(),
  at: z.string().describe("ISO 8601, UTC"),
  actor: z.object({
    type: z.enum(["user", "api_key", "system", "anonymous"]),
    id: z.string().nullable(),
  }),
  action: z.string(),
  outcome: z.enum(auditOutcomes),
  entity: z.object({ type: z.string().nullable(), id: z.string().nullable() }),
  agencyId: z.string().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).nullable(),
});

const searchResponse = z.object({
  records: z.array(recordView),
  nextBefore: z
    .number()
    .int()
    .nullable()
    .describe("pass as `before` for the next (older) page; null on the last page"),
});

/** Auditor pages (/audit) and the audit records API; every one needs audit.read. */
export async function registerAuditRoutes(app: FastifyInstance, access: AccessModule): Promise<void> {
  const requireAuditor = access.guards.requirePermission("audit.read");
  const contextOf = (request: FastifyRequest): AuditorContext => ({
    db: access.db,
    principal: request.principal,
    auditKey: access.config.auditKey,
    anchors: { file: access.config.auditAnchorFile },
    ...requestOrigin(request),
  });
  const subNavigation = (request: FastifyRequest, current: "search" | "chain") => [
    { text: request.t("audit.search.navigation"), href: "/audit", active: current === "search" },
    { text: request.t("audit.chain.navigation"), href: "/audit/chain", active: current === "chain" },
  ];
  const agencyItems = (agencies: AgencyChoice[], request: FastifyRequest, selected: string | undefined) => [
    { value: "", text: request.t("audit.search.anyAgency") },
    ...agencies.map((agency) => ({
      value: agency.id,
      text: agency.names[request.locale],
      selected: agency.id === selected,
    })),
  ];

  app.get("/audit", { schema: { hide: true }, preHandler: requireAuditor }, async (request, reply) => {
    const { t, locale } = request;
    const values = typedFilters(request.query);
    const agencies = await listAgencies(access.db);
    const render = (
      data: Record<string, unknown>,
      errors?: { errors: FieldError[]; byField: Record<string, string> },
    ) =>
      reply.render("access/views/audit/search.njk", {
        title: t("audit.search.title"),
        subNavigation: subNavigation(request, "search"),
        values,
        agencyItems: agencyItems(agencies, request, values.agency),
        outcomeItems: [
          { value: "", text: t("audit.search.anyOutcome") },
          ...auditOutcomes.map((outcome) => ({
            value: outcome,
            text: t(`audit.outcomes.${outcome}`),
            selected: values.outcome === outcome,
          })),
        ],
        filtered: Object.keys(values).length > 0,
        exportHref: searchHref("/audit/export.csv", values),
        errors: errors?.errors,
        errorsByField: errors?.byField ?? {},
        ...data,
      });

    const form = parseForm(auditSearchForm, request.query, t);
    if (!form.ok) return render({}, form);
    let page: Awaited<ReturnType<typeof searchAuditTrail>>;
    try {
      page = await searchAuditTrail(contextOf(request), filtersOf(form.data), {
        before: form.data.before,
        after: form.data.after,
        limit: pageSize,
      });
    } catch (error) {
      if (!(error instanceof UnknownActorError)) throw error;
      const failed = formError("actor", t("audit.errors.actorUnknown"));
      return render({}, failed.ok ? undefined : failed);
    }
    const first = page.records[0];
    const last = page.records.at(-1);
    return render({
      rows: page.records.map((record) => presentRecord(record, t, locale, agencies)),
      pagination: {
        ...(page.hasNewer && first
          ? {
              previous: {
                href: searchHref("/audit", values, { after: String(first.id) }),
                text: t("audit.search.newer"),
              },
            }
          : {}),
        ...(page.hasOlder && last
          ? {
              next: {
                href: searchHref("/audit", values, { before: String(last.id) }),
                text: t("audit.search.older"),
              },
            }
          : {}),
      },
      newestHref: form.data.before || form.data.after ? searchHref("/audit", values) : null,
    });
  });

  app.get(
    "/audit/export.csv",
    {
      schema: { hide: true },
      preHandler: requireAuditor,
      config: { rateLimit: { max: 10, timeWindow: "1 minute" } },
    },
    async (request, reply) => {
      const { t, locale } = request;
      const form = parseForm(auditSearchForm, request.query, t);
      if (!form.ok) return reply.redirect(searchHref("/audit", typedFilters(request.query)), 303);
      const agencies = await listAgencies(access.db);
      const records = await exportAuditTrail(contextOf(request), filtersOf(form.data));
      async function* lines() {
        // A byte order mark, so that spreadsheets read Azerbaijani and Russian letters correctly.
        yield "\uFEFF";
        yield csvLine([
          t("audit.columns.id"),
          t("audit.columns.time"),
          t("audit.columns.actorType"),
          t("audit.columns.actorId"),
          t("audit.columns.actorName"),
          t("audit.columns.action"),
          t("audit.columns.outcome"),
          t("audit.columns.entityType"),
          t("audit.columns.entityId"),
          t("audit.columns.agency"),
          t("audit.columns.ip"),
          t("audit.columns.requestId"),
          t("audit.columns.details"),
        ]);
        for await (const record of records) {
          yield csvLine([
            record.id,
            record.at.toISOString(),
            record.actorType,
            record.actorId,
            record.actorType === "user" ? actorLabel(record, t).text : null,
            record.action,
            record.outcome,
            record.entityType,
            record.entityId,
            agencyName(agencies, record.agencyId, locale),
            record.ip,
            record.requestId,
            record.details ? JSON.stringify(record.details) : null,
          ]);
        }
      }
      const day = new Date().toISOString().slice(0, 10);
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="audit-trail-${day}.csv"`)
        .send(Readable.from(lines()));
    },
  );

  const renderChain = async (
    request: FastifyRequest,
    reply: FastifyReply,
    verification: AuditVerificationReport | null,
  ) => {
    const { t, locale } = request;
    const status = await readAuditChainStatus(contextOf(request));
    const last = status.lastVerification;
    return reply.render("access/views/audit/chain.njk", {
      title: t("audit.chain.title"),
      subNavigation: subNavigation(request, "chain"),
      status: {
        totalRecords: formatNumber(status.totalRecords, locale),
        sealedUpTo: formatNumber(status.sealedUpTo, locale),
        pending: formatNumber(status.pending, locale),
        lastSealedAt: status.lastSealedAt ? formatAuditTime(status.lastSealedAt, locale) : null,
      },
      anchorFile: access.config.auditAnchorFile,
      anchor: status.anchor ? presentAnchorCheck(status.anchor, t, locale) : null,
      lastVerification: last
        ? {
            time: formatAuditTime(last.at, locale),
            by: actorLabel(last, t),
            ok: last.ok,
            problems: formatNumber(last.problems, locale),
            sealedUpTo: formatNumber(last.sealedUpTo, locale),
          }
        : null,
      verification: verification
        ? {
            ok: verification.ok,
            checkedRecords: formatNumber(verification.checkedRecords, locale),
            sealedUpTo: formatNumber(verification.sealedUpTo, locale),
            pending: formatNumber(verification.pending, locale),
            // A failed anchor check is one more problem, shown without a record link.
            problemCount: formatNumber(
              verification.problemCount + (verification.anchor && !verification.anchor.ok ? 1 : 0),
              locale,
            ),
            anchor: verification.anchor ? presentAnchorCheck(verification.anchor, t, locale) : null,
            shownCount: verification.problems.length,
            problems: verification.problems.map((problem) => ({
              recordId: problem.recordId,
              text: t(`audit.problems.${problem.kind}`),
            })),
          }
        : null,
    });
  };

  app.get("/audit/chain", { schema: { hide: true }, preHandler: requireAuditor }, async (request, reply) =>
    renderChain(request, reply, null),
  );

  app.post(
    "/audit/chain/verify",
    {
      schema: { hide: true },
      preHandler: requireAuditor,
      config: { rateLimit: { max: 5, timeWindow: "1 minute" } },
    },
    async (request, reply) => {
      const report = await verifyAuditTrailNow(contextOf(request));
      return renderChain(request, reply, report);
    },
  );

  app.get<{ Params: { id: string } }>(
    "/audit/:id",
    { schema: { hide: true }, preHandler: requireAuditor },
    async (request, reply) => {
      const { t, locale } = request;
      const id = /^\d{1,15}$/.test(request.params.id) ? Number(request.params.id) : null;
      if (!id) return reply.callNotFound();
      const { record, seal } = await viewAuditRecord(contextOf(request), id);
      const agencies = await listAgencies(access.db);
      return reply.render("access/views/audit/record.njk", {
        title: t("audit.record.title", { id: record.id }),
        subNavigation: subNavigation(request, "search"),
        record: presentRecord(record, t, locale, agencies),
        seal: {
          ...seal,
          sealedAtText: "sealedAt" in seal ? formatAuditTime(seal.sealedAt, locale) : null,
        },
      });
    },
  );

  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/v1/audit-records",
    {
      schema: {
        tags: ["audit"],
        summary: "Search the audit trail",
        description:
          "Audit records, newest first, filtered like the auditor pages. Needs the audit.read permission. " +
          "The search itself is recorded in the audit trail.",
        security: [{ apiKey: [] }],
        querystring: auditSearchQuery,
        response: { 200: searchResponse },
      },
      preHandler: requireAuditor,
    },
    async (request) => {
      const { limit, before, ...filters } = request.query;
      const page = await searchAuditTrail(contextOf(request), filters, { before, limit });
      const last = page.records.at(-1);
      return {
        records: page.records.map((record) => ({
          id: record.id,
          at: record.at.toISOString(),
          actor: { type: record.actorType, id: record.actorId },
          action: record.action,
          outcome: record.outcome,
          entity: { type: record.entityType, id: record.entityId },
          agencyId: record.agencyId,
          ip: record.ip,
          requestId: record.requestId,
          details: record.details,
        })),
        nextBefore: page.hasOlder && last ? last.id : null,
      };
    },
  );
}
