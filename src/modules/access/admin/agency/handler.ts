import type { FastifyReply, FastifyRequest } from "fastify";
import { parseForm } from "../../../../platform/http/index.js";
import { pageId } from "../../id-params.js";
import type { AccessModule } from "../../module.js";
import { adminContextFrom } from "../admin-context.js";
import { agencyForm } from "../admin-forms.js";
import type { AgencyWithUsage } from "../admin-repository.js";
import { type AdminFormErrors, doneMessage, refusalAsFormError } from "../admin-view-helpers.js";
import { createAgency } from "../create-agency.js";
import { setAgencyActive } from "../set-agency-active.js";
import { findManagedAgency, updateAgency } from "../update-agency.js";
import { agencyFormView, agencyValues } from "./presenter.js";

function renderAgencyForm(
  request: FastifyRequest,
  reply: FastifyReply,
  agency: AgencyWithUsage | null,
  values: Record<string, unknown>,
  errors?: AdminFormErrors,
) {
  if (errors) reply.status(422);
  return reply.render("access/admin/agency/agency.njk", {
    ...agencyFormView(request, agency, values),
    errors: errors?.errors,
    errorsByField: errors?.byField ?? {},
    done: doneMessage(request),
  });
}

const bodyOf = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>;
const managedAgency = (access: AccessModule, request: FastifyRequest) =>
  findManagedAgency(adminContextFrom(request, access), pageId(request));

export async function showNewAgencyForm(request: FastifyRequest, reply: FastifyReply) {
  return renderAgencyForm(request, reply, null, {});
}

export async function createAgencyFromForm(
  access: AccessModule,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const body = bodyOf(request);
  const form = parseForm(agencyForm, body, request.t);
  if (!form.ok) return renderAgencyForm(request, reply, null, body, form);
  try {
    const created = await createAgency(adminContextFrom(request, access), form.data);
    return reply.redirect(`/admin/agencies/${created.id}?done=agencyCreated`, 303);
  } catch (error) {
    return renderAgencyForm(request, reply, null, body, refusalAsFormError(error, request, "code"));
  }
}

export async function showAgency(access: AccessModule, request: FastifyRequest, reply: FastifyReply) {
  const agency = await managedAgency(access, request);
  return renderAgencyForm(request, reply, agency, agencyValues(agency));
}

export async function changeAgency(access: AccessModule, request: FastifyRequest, reply: FastifyReply) {
  const agency = await managedAgency(access, request);
  const body = bodyOf(request);
  const form = parseForm(agencyForm, body, request.t);
  if (!form.ok) return renderAgencyForm(request, reply, agency, body, form);
  try {
    await updateAgency(adminContextFrom(request, access), agency.id, form.data);
  } catch (error) {
    return renderAgencyForm(request, reply, agency, body, refusalAsFormError(error, request, "code"));
  }
  return reply.redirect(`/admin/agencies/${agency.id}?done=agencyUpdated`, 303);
}

/** Deactivating or activating: back to the agency with a banner, or its refusal on the form. */
export function agencyActivation(access: AccessModule, active: boolean) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const agencyId = pageId(request);
    try {
      await setAgencyActive(adminContextFrom(request, access), agencyId, active);
    } catch (error) {
      const refusal = refusalAsFormError(error, request, "active");
      const agency = await managedAgency(access, request);
      return renderAgencyForm(request, reply, agency, agencyValues(agency), refusal);
    }
    const done = active ? "agencyActivated" : "agencyDeactivated";
    return reply.redirect(`/admin/agencies/${agencyId}?done=${done}`, 303);
  };
}
