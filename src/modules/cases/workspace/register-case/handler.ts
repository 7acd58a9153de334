import { randomUUID } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { DomainError, ForbiddenError, NotFoundError } from "../../../../platform/errors/index.js";
import { authorizeStaffRegistration, registrableCaseTypes } from "../../case-type-access.js";
import type { FieldDefinition } from "../../definition/case-type.js";
import type { AnswerProblem } from "../../definition/validate-answers.js";
import { createSubmittedCases } from "../../operations/create-submitted-cases.js";
import { addGroupItem, removeGroupItem } from "../../portal/form-values.js";
import { staffContextOf, type Workspace } from "../workspace.js";
import { type RegisterTypeParams, readPostedRegistration } from "./form.js";
import { answersOfForm, renderRegistrationForm, shownQuestions } from "./presenter.js";

/** The staff-registered case types the officer may register, each linking to its form. */
export async function showRegistrableTypes(
  workspace: Workspace,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const context = staffContextOf(workspace, request);
  if (context.principal.kind !== "staff") throw new ForbiddenError();
  const { locale, t } = request;
  return reply.render("cases/workspace/register-case/choose-type.njk", {
    title: t("workspace.register.title"),
    types: registrableCaseTypes(workspace.cases.registry, context.principal).map((definition) => ({
      href: `/cases/register/${definition.code}`,
      name: definition.name[locale],
      summary: definition.summary[locale],
    })),
  });
}

/** The type in the address, if officers register it (404 otherwise) and this officer may (403, audited). */
async function registrationOf(workspace: Workspace, request: FastifyRequest<RegisterTypeParams>) {
  const definition = workspace.cases.registry.latest(request.params.typeCode);
  if (!definition?.applicants.includes("staff")) throw new NotFoundError("unknown_case_type");
  const context = staffContextOf(workspace, request);
  await authorizeStaffRegistration(context, definition);
  return { context, definition };
}

export async function showRegistrationForm(
  workspace: Workspace,
  request: FastifyRequest<RegisterTypeParams>,
  reply: FastifyReply,
) {
  const { definition } = await registrationOf(workspace, request);
  return renderRegistrationForm(request, reply, { definition, values: {}, problems: [], key: randomUUID() });
}

/**
 * Registers the case as the engine creates any submitted case (`createSubmittedCases`: answers
 * checked as on every channel, the persons entered into the person register), or shows the form
 * again: with a group item added or removed, with questions an answer revealed, or with the
 * problems at their questions and everything typed kept.
 */
export async function registerCaseFromForm(
  workspace: Workspace,
  request: FastifyRequest<RegisterTypeParams>,
  reply: FastifyReply,
) {
  const { context, definition } = await registrationOf(workspace, request);
  const posted = readPostedRegistration(request.body);
  const input = { definition, values: posted.values, problems: [], key: posted.key ?? randomUUID() };
  const [verb, groupName, index] = posted.action.split(":");
  if (verb === "add" || verb === "remove") {
    const group = definition.form
      .flatMap((page) => page.fields)
      .find((field): field is Extract<FieldDefinition, { kind: "group" }> => field.name === groupName);
    if (group?.kind !== "group") throw new DomainError("unknown_group", 400, "errors.bad_request");
    const values =
      verb === "add"
        ? addGroupItem(group, posted.values)
        : removeGroupItem(group.name, Number(index), posted.values);
    return renderRegistrationForm(request, reply, { ...input, values });
  }
  const revealed = shownQuestions(definition, posted.values).filter((name) => !posted.shown.includes(name));
  if (posted.shown.length > 0 && revealed.length > 0) {
    return renderRegistrationForm(request, reply, {
      ...input,
      notice: request.t("workspace.register.revealed"),
    });
  }
  try {
    const created = await createSubmittedCases(
      context,
      definition.code,
      [answersOfForm(definition, posted.values)],
      { idempotencyKey: input.key },
    );
    const state = created.cases[0];
    if (!state) throw new Error("no case registered");
    return reply.redirect(`/cases/${state.id}?done=registered`, 303);
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== "answers_invalid") throw error;
    const problems = ((error.details?.problems ?? []) as Array<AnswerProblem & { item?: number }>).map(
      ({ item: _item, ...problem }) => problem,
    );
    return renderRegistrationForm(request, reply.status(422), { ...input, problems });
  }
}
