import type { FastifyReply } from "fastify";
import { NotFoundError } from "../../../../platform/errors/index.js";
import { conditionHolds } from "../../definition/conditions.js";
import { applicationPaths } from "../application-steps.js";
import { answersToValues } from "../form-values.js";
import { hostDetailsPrefill } from "../host-details-prefill.js";
import type { PageRequest } from "../page-options.js";
import type { PortalServices } from "../portal-services.js";
import { readOwnCase } from "../read-own-case.js";
import type { formPageParams } from "./form.js";
import { renderFormPage } from "./presenter.js";

export type FormPageRequest = PageRequest<typeof formPageParams>;

/** The page of the draft in the address; usable only while the draft is open and the page applies. */
export async function formPageOf(services: PortalServices, request: FormPageRequest) {
  const { cases } = services;
  const { state, definition } = await readOwnCase(cases.contextFor(request), request.params.id, "form-page");
  const formPage = definition.form.find((one) => one.id === request.params.pageId);
  if (!formPage) throw new NotFoundError("page_not_found");
  const usable = state.state === definition.initialState && conditionHolds(formPage.showWhen, state.answers);
  return { state, definition, formPage, usable };
}

export async function showFormPage(services: PortalServices, request: FormPageRequest, reply: FastifyReply) {
  const { state, definition, formPage, usable } = await formPageOf(services, request);
  if (!usable) return reply.redirect(applicationPaths.status(state.id), 303);
  const context = services.cases.contextFor(request);
  const prefilled = await hostDetailsPrefill(context, definition, state, formPage);
  const anyPrefilled = Object.keys(prefilled).length > 0;
  return renderFormPage(request, reply, {
    state,
    definition,
    page: formPage,
    values: answersToValues(formPage.fields, { ...prefilled, ...state.answers }),
    problems: [],
    returnTo: (request.query as { return?: unknown }).return === "check" ? "check" : undefined,
    notice: anyPrefilled ? request.t("portal.form.prefilled") : undefined,
    prefilled: anyPrefilled,
  });
}
