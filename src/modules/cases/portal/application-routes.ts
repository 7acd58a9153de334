import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { DomainError, NotFoundError } from "../../../platform/http/index.js";
import { formatMoney } from "../../../platform/payments/index.js";
import { applyPermission } from "../case-access.js";
import type { CaseTypeDefinition, PageDefinition } from "../definition/case-type.js";
import { conditionHolds } from "../definition/conditions.js";
import type { AnswerProblem } from "../definition/validate-answers.js";
import { visiblePages } from "../definition/validate-answers.js";
import type { CaseState } from "../engine/case-state.js";
import { startApplication } from "../operations/start-application.js";
import { answerProblemText, fieldOfPath } from "./answer-problem-text.js";
import { applicationPaths, pageBefore, stepAfterPage } from "./application-steps.js";
import { caseCaption, integerField, legalTimeText, noticeOf } from "./case-heading.js";
import {
  addGroupItem,
  answersToValues,
  type FormValues,
  formValuesOf,
  removeGroupItem,
  valuesToAnswers,
} from "./form-values.js";
import { fieldViews, problemAnchor } from "./form-view.js";
import { hostDetailsPrefill } from "./host-details-prefill.js";
import { listOwnApplications } from "./list-own-applications.js";
import type { PortalServices } from "./portal-services.js";
import { readOwnCase } from "./read-own-case.js";
import { saveFormPage, visibleFields } from "./save-form-page.js";

const views = "cases/views/portal";

type FormPageParams = { Params: { id: string; pageId: string }; Querystring: { return?: string } };
type Guard = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined>;

/** Inputs of the form page that are not answers. */
const controlNames = ["_csrf", "_shown", "action", "expectedSeq", "return"];

function typesOpenTo(request: FastifyRequest, services: PortalServices): CaseTypeDefinition[] {
  const principal = request.principal;
  if (!principal) return [];
  return services.cases.registry
    .current()
    .filter((definition) => principal.permissions.has(applyPermission(definition, principal.permissions)));
}

interface FormPageInput {
  state: CaseState;
  definition: CaseTypeDefinition;
  page: PageDefinition;
  values: FormValues;
  problems: AnswerProblem[];
  returnTo: string | undefined;
  notice?: string | undefined;
  /** The notice says answers were filled in from the account (not that questions were added). */
  prefilled?: boolean;
  /** Errors about the whole form (the application changed meanwhile). */
  formErrors?: Array<{ text: string }>;
}

function renderFormPage(request: FastifyRequest, reply: FastifyReply, input: FormPageInput) {
  const { state, definition, page, values, problems } = input;
  const locale = request.locale;
  const t = request.t;
  // What is shown follows what was typed, so a question revealed by an answer appears at once.
  const answers = { ...state.answers, ...valuesToAnswers(page.fields, values) };
  const fields = visibleFields(page, answers);
  const messages: Record<string, string> = {};
  for (const problem of problems) {
    messages[problem.field] ??= answerProblemText(
      t,
      locale,
      fieldOfPath(page.fields, problem.field),
      problem,
    );
  }
  const previous = pageBefore(definition, state.answers, page.id);
  return reply.render(`${views}/form-page.njk`, {
    title: page.title[locale],
    caption: caseCaption(request, state, definition),
    caseId: state.id,
    action: applicationPaths.page(state.id, page.id),
    fields: fieldViews(fields, {
      locale,
      t,
      values,
      problems: messages,
      problemKeys: Object.fromEntries(problems.map((problem) => [problem.field, problem.messageKey])),
    }),
    shown: fields.map((field) => field.name),
    hasGroups: fields.some((field) => field.kind === "group"),
    expectedSeq: state.lastSeq,
    returnTo: input.returnTo,
    backHref:
      input.returnTo === "check"
        ? applicationPaths.check(state.id)
        : previous
          ? applicationPaths.page(state.id, previous.id)
          : applicationPaths.status(state.id),
    notice: input.notice,
    noticeTestId: input.prefilled ? "prefilled-notice" : "revealed-notice",
    errors: [
      ...(input.formErrors ?? []),
      ...problems.map((problem) => ({
        text: messages[problem.field] ?? t(problem.messageKey),
        href: problemAnchor(
          fieldOfPath(page.fields, problem.field)?.field,
          problem.field,
          problem.messageKey,
        ),
      })),
    ],
    errorsByField: messages,
  });
}

/** The dashboard, start page and form pages (see submission-routes.ts for what follows). */
export async function registerApplicationRoutes(
  app: FastifyInstance,
  services: PortalServices,
  guard: Guard,
): Promise<void> {
  const { cases } = services;
  const page = { preHandler: guard, schema: { hide: true } };
  const limited = (max: number) => ({ ...page, config: { rateLimit: { max, timeWindow: "1 minute" } } });

  app.get("/applications", page, async (request, reply) => {
    const locale = request.locale;
    const rows = (await listOwnApplications(cases.contextFor(request))).map((application) => {
      const definition = cases.registry.get(application.typeCode, application.typeVersion);
      return {
        ...application,
        typeName: definition.name[locale],
        stateLabel: definition.states[application.state]?.label[locale] ?? application.state,
      };
    });
    return reply.render(`${views}/applications.njk`, {
      title: request.t("portal.dashboard.title"),
      showGuests: rows.some((row) => row.guestName),
      submitted: rows.filter((row) => row.category !== "draft"),
      drafts: rows.filter((row) => row.category === "draft"),
      caseTypes: typesOpenTo(request, services).map((definition) => ({
        code: definition.code,
        name: definition.name[locale],
        summary: definition.summary[locale],
      })),
      canRegisterGuests: request.principal?.permissions.has("portal.register_guests") ?? false,
      notice: noticeOf(request),
    });
  });

  app.get<{ Params: { code: string } }>("/apply/:code", page, async (request, reply) => {
    const definition = typesOpenTo(request, services).find((one) => one.code === request.params.code);
    if (!definition) throw new NotFoundError("unknown_case_type");
    const locale = request.locale;
    return reply.render(`${views}/start.njk`, {
      title: definition.name[locale],
      definition: {
        code: definition.code,
        name: definition.name[locale],
        summary: definition.summary[locale],
        legalBasis: definition.legalBasis[locale],
      },
      legalTime: legalTimeText(request, definition),
      fee:
        definition.fee.amountMinor > 0 ? formatMoney(definition.fee.amountMinor, "AZN", locale) : undefined,
      documents: definition.documents.map((document) => ({
        name: document.name[locale],
        conditional: document.requiredWhen !== undefined,
      })),
    });
  });

  app.post<{ Params: { code: string } }>("/apply/:code", limited(30), async (request, reply) => {
    const state = await startApplication(cases.contextFor(request), request.params.code);
    const definition = cases.registry.get(state.typeCode, state.typeVersion);
    const [first] = visiblePages(definition, state.answers);
    return reply.redirect(
      first ? applicationPaths.page(state.id, first.id) : applicationPaths.status(state.id),
      303,
    );
  });

  async function formPageOf(request: FastifyRequest<FormPageParams>) {
    const { state, definition } = await readOwnCase(
      cases.contextFor(request),
      request.params.id,
      "form-page",
    );
    const formPage = definition.form.find((one) => one.id === request.params.pageId);
    if (!formPage) throw new NotFoundError("page_not_found");
    const usable =
      state.state === definition.initialState && conditionHolds(formPage.showWhen, state.answers);
    return { state, definition, formPage, usable };
  }

  app.get<FormPageParams>("/applications/:id/pages/:pageId", page, async (request, reply) => {
    const { state, definition, formPage, usable } = await formPageOf(request);
    if (!usable) return reply.redirect(applicationPaths.status(state.id), 303);
    const prefilled = await hostDetailsPrefill(cases.contextFor(request), definition, state, formPage);
    return renderFormPage(request, reply, {
      state,
      definition,
      page: formPage,
      values: answersToValues(formPage.fields, { ...prefilled, ...state.answers }),
      problems: [],
      returnTo: request.query.return === "check" ? "check" : undefined,
      notice: Object.keys(prefilled).length > 0 ? request.t("portal.form.prefilled") : undefined,
      prefilled: Object.keys(prefilled).length > 0,
    });
  });

  app.post<FormPageParams>("/applications/:id/pages/:pageId", limited(120), async (request, reply) => {
    const context = cases.contextFor(request);
    const { state, definition, formPage, usable } = await formPageOf(request);
    if (!usable) return reply.redirect(applicationPaths.status(state.id), 303);
    const body = request.body as Record<string, unknown>;
    const posted = formValuesOf(body);
    const values = Object.fromEntries(
      Object.entries(posted).filter(([name]) => !controlNames.includes(name)),
    );
    const shownRaw = body._shown;
    const listed = (Array.isArray(shownRaw) ? shownRaw : [shownRaw]).filter(
      (name): name is string => typeof name === "string",
    );
    // A form from elsewhere (no list of what it showed) is taken to have shown every question.
    const shown = listed.length > 0 ? listed : formPage.fields.map((field) => field.name);
    const expectedSeq = integerField(body.expectedSeq);
    const returnTo = posted.return === "check" ? "check" : undefined;
    const action = posted.action ?? "continue";
    const common = { state, definition, page: formPage, returnTo };
    const changed = async () => {
      const fresh = await readOwnCase(context, state.id, "form-page");
      return { state: fresh.state, formErrors: [{ text: request.t("cases.errors.case_changed") }] };
    };

    const [verb, groupName, index] = action.split(":");
    if (verb === "add" || verb === "remove") {
      const group = formPage.fields.find((field) => field.kind === "group" && field.name === groupName);
      if (group?.kind !== "group") throw new DomainError("unknown_group", 400, "errors.bad_request");
      const next =
        verb === "add" ? addGroupItem(group, values) : removeGroupItem(group.name, Number(index), values);
      // The items so far are kept when they can be (an empty new item could not be saved yet).
      const quiet = await saveFormPage(context, {
        ...common,
        values: verb === "add" ? values : next,
        shown,
        expectedSeq,
      });
      if (quiet.outcome === "changed") {
        return renderFormPage(request, reply.status(409), {
          ...common,
          ...(await changed()),
          values: next,
          problems: [],
        });
      }
      return renderFormPage(request, reply, {
        ...common,
        state: quiet.outcome === "saved" ? quiet.state : state,
        values: next,
        problems: [],
      });
    }

    const result = await saveFormPage(context, { ...common, values, shown, expectedSeq });
    switch (result.outcome) {
      case "saved":
        if (action === "later") return reply.redirect("/applications?done=saved", 303);
        return reply.redirect(
          returnTo === "check"
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
          ...(await changed()),
          values,
          problems: [],
        });
    }
  });
}
