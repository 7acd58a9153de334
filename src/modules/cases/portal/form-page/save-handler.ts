import type { FastifyReply, FastifyRequest } from "fastify";
import { DomainError } from "../../../../platform/errors/index.js";
import type { CasesContext } from "../../cases-context.js";
import type { CaseTypeDefinition, PageDefinition } from "../../definition/case-type.js";
import type { CaseState } from "../../engine/case-state.js";
import { saveFormPage } from "../../operations/save-form-page.js";
import { applicationPaths, stepAfterPage } from "../application-steps.js";
import { addGroupItem, removeGroupItem } from "../form-values.js";
import type { PortalServices } from "../portal-services.js";
import { readOwnCase } from "../read-own-case.js";
import { type PostedFormPage, readPostedFormPage } from "./form.js";
import { fillFormPageFromMrz } from "./mrz-fill-handler.js";
import { renderFormPage } from "./presenter.js";
import { type FormPageRequest, formPageOf } from "./show-handler.js";

interface Posting {
  context: CasesContext;
  common: {
    state: CaseState;
    definition: CaseTypeDefinition;
    page: PageDefinition;
    returnTo: "check" | undefined;
  };
  posted: PostedFormPage;
}

/** The page again with the application as it is now, saying it changed meanwhile. */
async function changedMeanwhile(request: FastifyRequest, { context, common }: Posting) {
  const fresh = await readOwnCase(context, common.state.id, "form-page");
  return { state: fresh.state, formErrors: [{ text: request.t("cases.errors.case_changed") }] };
}

/** Adding or removing an item of a repeated group: the page again, with the items so far saved. */
async function changeGroup(request: FastifyRequest, reply: FastifyReply, posting: Posting) {
  const { context, common, posted } = posting;
  const [verb, groupName, index] = posted.action.split(":");
  const group = common.page.fields.find((field) => field.kind === "group" && field.name === groupName);
  if (group?.kind !== "group") throw new DomainError("unknown_group", 400, "errors.bad_request");
  const next =
    verb === "add"
      ? addGroupItem(group, posted.values)
      : removeGroupItem(group.name, Number(index), posted.values);
  // The items so far are kept when they can be (an empty new item could not be saved yet).
  const quiet = await saveFormPage(context, {
    ...common,
    values: verb === "add" ? posted.values : next,
    shown: posted.shown,
    expectedSeq: posted.expectedSeq,
  });
  if (quiet.outcome === "changed") {
    const changed = await changedMeanwhile(request, posting);
    return renderFormPage(request, reply.status(409), { ...common, ...changed, values: next, problems: [] });
  }
  const state = quiet.outcome === "saved" ? quiet.state : common.state;
  return renderFormPage(request, reply, { ...common, state, values: next, problems: [] });
}

export async function saveFormPageHandler(
  services: PortalServices,
  request: FormPageRequest,
  reply: FastifyReply,
) {
  const { state, definition, formPage, usable } = await formPageOf(services, request);
  if (!usable) return reply.redirect(applicationPaths.status(state.id), 303);
  const posted = readPostedFormPage(request.body as Record<string, unknown>, formPage);
  const common = { state, definition, page: formPage, returnTo: posted.returnTo };
  const posting: Posting = { context: services.cases.contextFor(request), common, posted };
  const [verb] = posted.action.split(":");
  if (verb === "add" || verb === "remove") {
    return changeGroup(request, reply, posting);
  }
  if (verb === "mrz") return fillFormPageFromMrz(request, reply, posting);
  const { values, shown, expectedSeq } = posted;
  const result = await saveFormPage(posting.context, { ...common, values, shown, expectedSeq });
  switch (result.outcome) {
    case "saved":
      if (posted.action === "later") return reply.redirect("/applications?done=saved", 303);
      return reply.redirect(
        posted.returnTo === "check"
          ? applicationPaths.check(state.id)
          : stepAfterPage(definition, result.state, formPage.id),
        303,
      );
    case "invalid":
      return renderFormPage(request, reply.status(422), { ...common, values, problems: result.problems });
    case "revealed":
      return renderFormPage(request, reply, {
        ...common,
        values,
        problems: result.problems,
        notice: request.t("portal.form.revealed"),
      });
    case "changed":
      return renderFormPage(request, reply.status(409), {
        ...common,
        ...(await changedMeanwhile(request, posting)),
        values,
        problems: [],
      });
  }
}
