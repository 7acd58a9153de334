import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { parseForm } from "../../../platform/http/index.js";
import type { AccessModule } from "../module.js";
import { agencyKinds, nameIn } from "./admin-catalogues.js";
import { adminContextFrom } from "./admin-context.js";
import { agencyForm } from "./admin-forms.js";
import type { AgencyWithUsage } from "./admin-repository.js";
import {
  type AdminFormErrors,
  adminViews,
  doneMessage,
  type IdParams,
  refusalAsFormError,
} from "./admin-view-helpers.js";
import { createAgency } from "./create-agency.js";
import { listAgenciesForAdmin } from "./list-agencies.js";
import { setAgencyActive } from "./set-agency-active.js";
import { findManagedAgency, updateAgency } from "./update-agency.js";

/** /admin/agencies: the list, a new agency, editing one, deactivating and activating it. */
export function registerAdminAgencyRoutes(app: FastifyInstance, access: AccessModule): void {
  const agenciesGuard = {
    preHandler: access.guards.requirePermission("admin.agencies"),
    schema: { hide: true },
  };
  const contextOf = (request: FastifyRequest) => adminContextFrom(request, access);

  app.get("/admin/agencies", agenciesGuard, async (request, reply) => {
    const agencies = await listAgenciesForAdmin(contextOf(request));
    return reply.render(`${adminViews}/agencies.njk`, {
      title: request.t("admin.agencies.title"),
      agencies: agencies.map((agency) => ({
        ...agency,
        name: nameIn(request.locale, agency),
        kindName: request.t(`admin.agencyKinds.${agency.kind}`, { defaultValue: agency.kind }),
        managed:
          (request.principal?.permissions.has("scope.all_agencies") ?? false) ||
          agency.id === request.principal?.agencyId,
      })),
      canCreate: request.principal?.permissions.has("scope.all_agencies") ?? false,
      done: doneMessage(request),
    });
  });

  const renderAgencyForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    agency: AgencyWithUsage | null,
    values: Record<string, unknown>,
    errors?: AdminFormErrors,
  ) => {
    if (errors) reply.status(422);
    return reply.render(`${adminViews}/agency.njk`, {
      title: agency ? nameIn(request.locale, agency) : request.t("admin.agencyForm.newTitle"),
      agency,
      values,
      errors: errors?.errors,
      errorsByField: errors?.byField ?? {},
      kindOptions: [
        { value: "", text: request.t("admin.agencyForm.chooseKind") },
        ...agencyKinds.map((kind) => ({
          value: kind,
          text: request.t(`admin.agencyKinds.${kind}`),
          selected: values.kind === kind,
        })),
      ],
      done: doneMessage(request),
    });
  };

  app.get("/admin/agencies/new", agenciesGuard, async (request, reply) =>
    renderAgencyForm(request, reply, null, {}),
  );

  app.post("/admin/agencies/new", agenciesGuard, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const form = parseForm(agencyForm, body, request.t);
    if (!form.ok) return renderAgencyForm(request, reply, null, body, form);
    try {
      const created = await createAgency(contextOf(request), form.data);
      return reply.redirect(`/admin/agencies/${created.id}?done=agencyCreated`, 303);
    } catch (error) {
      return renderAgencyForm(request, reply, null, body, refusalAsFormError(error, request, "code"));
    }
  });

  const findAgencyFor = (request: FastifyRequest<IdParams>) =>
    findManagedAgency(contextOf(request), request.params.id);

  app.get<IdParams>("/admin/agencies/:id", agenciesGuard, async (request, reply) => {
    const agency = await findAgencyFor(request);
    return renderAgencyForm(request, reply, agency, { ...agency, region: agency.region ?? "" });
  });

  app.post<IdParams>("/admin/agencies/:id", agenciesGuard, async (request, reply) => {
    const agency = await findAgencyFor(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const form = parseForm(agencyForm, body, request.t);
    if (!form.ok) return renderAgencyForm(request, reply, agency, body, form);
    try {
      await updateAgency(contextOf(request), agency.id, form.data);
    } catch (error) {
      return renderAgencyForm(request, reply, agency, body, refusalAsFormError(error, request, "code"));
    }
    return reply.redirect(`/admin/agencies/${agency.id}?done=agencyUpdated`, 303);
  });

  const agencyActivation =
    (active: boolean) => async (request: FastifyRequest<IdParams>, reply: FastifyReply) => {
      try {
        await setAgencyActive(contextOf(request), request.params.id, active);
      } catch (error) {
        const refusal = refusalAsFormError(error, request, "active");
        const agency = await findAgencyFor(request);
        return renderAgencyForm(request, reply, agency, { ...agency, region: agency.region ?? "" }, refusal);
      }
      const done = active ? "agencyActivated" : "agencyDeactivated";
      return reply.redirect(`/admin/agencies/${request.params.id}?done=${done}`, 303);
    };

  app.post<IdParams>("/admin/agencies/:id/deactivate", agenciesGuard, agencyActivation(false));
  app.post<IdParams>("/admin/agencies/:id/activate", agenciesGuard, agencyActivation(true));
}
