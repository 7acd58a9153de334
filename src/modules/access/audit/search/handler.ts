import type { FastifyReply, FastifyRequest } from "fastify";
import { type FieldError, formError, parseForm } from "../../../../platform/http/index.js";
import type { AccessModule } from "../../module.js";
import { auditSearchForm, filtersOf } from "../audit-filters.js";
import { listAgencies } from "../audit-repository.js";
import { auditorContextFrom, typedFilters } from "../auditor-pages.js";
import { searchAuditTrail, UnknownActorError } from "../search-audit-trail.js";
import { resultsView, searchFormView } from "./presenter.js";

const pageSize = 50;

type FormErrors = { errors: FieldError[]; byField: Record<string, string> };

/** GET /audit: the search form, and a page of records once it is valid. */
export async function searchAuditPage(access: AccessModule, request: FastifyRequest, reply: FastifyReply) {
  const values = typedFilters(request.query);
  const agencies = await listAgencies(access.db);
  const render = (data: Record<string, unknown>, errors?: FormErrors) =>
    reply.render("access/audit/search/search.njk", {
      ...searchFormView(request, values, agencies),
      errors: errors?.errors,
      errorsByField: errors?.byField ?? {},
      ...data,
    });

  const form = parseForm(auditSearchForm, request.query, request.t);
  if (!form.ok) return render({}, form);
  let page: Awaited<ReturnType<typeof searchAuditTrail>>;
  try {
    page = await searchAuditTrail(auditorContextFrom(request, access), filtersOf(form.data), {
      before: form.data.before,
      after: form.data.after,
      limit: pageSize,
    });
  } catch (error) {
    if (!(error instanceof UnknownActorError)) throw error;
    const failed = formError("actor", request.t("audit.errors.actorUnknown"));
    return render({}, failed.ok ? undefined : failed);
  }
  const paged = Boolean(form.data.before || form.data.after);
  return render(resultsView(request, values, agencies, page, paged));
}
