import { randomUUID } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { ConflictError, DomainError, isLocale, NotFoundError } from "../../../platform/http/index.js";
import { formatMoney } from "../../../platform/payments/index.js";
import { applyPermission } from "../case-access.js";
import type { CaseTypeDefinition, FieldDefinition, PageDefinition } from "../definition/case-type.js";
import { conditionHolds } from "../definition/conditions.js";
import type { AnswerProblem } from "../definition/validate-answers.js";
import { requiredDocuments, visiblePages } from "../definition/validate-answers.js";
import type { CaseState } from "../engine/case-state.js";
import { AnswersInvalidError } from "../operations/save-answers.js";
import { startApplication } from "../operations/start-application.js";
import { feeDue, submitApplication } from "../operations/submit-application.js";
import { answeredPages, formatLongDate, linesHtml } from "./answer-summary.js";
import {
  applicationPaths,
  draftProgress,
  hasDocumentsStep,
  hasFeeStep,
  pageBefore,
  stepAfterPage,
} from "./application-steps.js";
import { caseCaption, integerField, noticeOf, textField } from "./case-heading.js";
import {
  addGroupItem,
  answersToValues,
  type FormValues,
  formValuesOf,
  removeGroupItem,
  valuesToAnswers,
} from "./form-values.js";
import { fieldViews, inputId, problemAnchor } from "./form-view.js";
import { listOwnApplications } from "./list-own-applications.js";
import type { PortalServices } from "./portal-services.js";
import { readOwnCase } from "./read-own-case.js";
import { saveFormPage, visibleFields } from "./save-form-page.js";
import { sendSubmissionConfirmation } from "./send-submission-confirmation.js";

const views = "cases/views/portal";

type CaseParams = { Params: { id: string } };
type FormPageParams = { Params: { id: string; pageId: string }; Querystring: { return?: string } };
type Guard = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined>;

/** Inputs of the form page that are not answers. */
const controlNames = ["_csrf", "_shown", "action", "expectedSeq", "return"];

/** The field an answer path names ("family.0.birthDate" → the group's birthDate field). */
function fieldAt(page: PageDefinition, path: string): FieldDefinition | undefined {
  const [name, , inner] = path.split(".");
  const field = page.fields.find((one) => one.name === name);
  if (field?.kind === "group" && inner) return field.fields.find((one) => one.name === inner);
  return field;
}

function typesOpenTo(request: FastifyRequest, services: PortalServices): CaseTypeDefinition[] {
  const principal = request.principal;
  if (!principal) return [];
  return services.cases.registry
    .current()
    .filter((definition) => principal.permissions.has(applyPermission(definition, principal.permissions)));
}

function legalTimeText(request: FastifyRequest, definition: CaseTypeDefinition): string | undefined {
  const time = definition.legalTime;
  if (!time) return undefined;
  return request.t(time.unit === "working" ? "portal.legalTime.working" : "portal.legalTime.calendar", {
    amount: time.amount,
  });
}

interface FormPageInput {
  state: CaseState;
  definition: CaseTypeDefinition;
  page: PageDefinition;
  values: FormValues;
  problems: AnswerProblem[];
  returnTo: string | undefined;
  notice?: string | undefined;
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
  for (const problem of problems) messages[problem.field] ??= t(problem.messageKey);
  const previous = pageBefore(definition, state.answers, page.id);
  return reply.render(`${views}/form-page.njk`, {
    title: page.title[locale],
    caption: caseCaption(request, state, definition),
    caseId: state.id,
    action: applicationPaths.page(state.id, page.id),
    fields: fieldViews(fields, { locale, t, values, problems: messages }),
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
    errors: [
      ...(input.formErrors ?? []),
      ...problems.map((problem) => ({
        text: t(problem.messageKey),
        href: problemAnchor(fieldAt(page, problem.field), problem.field),
      })),
    ],
    errorsByField: messages,
  });
}

interface CheckPageInput {
  state: CaseState;
  definition: CaseTypeDefinition;
  errors: Array<{ text: string; href?: string }>;
}

function renderCheckPage(
  request: FastifyRequest,
  reply: FastifyReply,
  services: PortalServices,
  input: CheckPageInput,
) {
  const { state, definition } = input;
  const locale = request.locale;
  const t = request.t;
  const today = services.cases.deadlines.legalDate(services.cases.clock.now());
  const sections = answeredPages(definition, state.answers, locale, t).map((answered) => ({
    title: answered.title,
    rows: answered.questions.map((question) => ({
      key: { text: question.label },
      value:
        question.lines.length > 0
          ? { html: linesHtml(question.lines) }
          : { text: t("portal.check.notAnswered") },
      actions: {
        items: [
          {
            href: `${applicationPaths.page(state.id, answered.page.id)}?return=check${problemAnchor(question.field, question.field.name)}`,
            text: t("portal.check.change"),
            visuallyHiddenText: question.label,
          },
        ],
      },
    })),
  }));
  const documentRows = hasDocumentsStep(definition)
    ? requiredDocuments(definition, state.answers).map((code) => {
        const attached = state.documents.filter((document) => document.code === code);
        const name = definition.documents.find((document) => document.code === code)?.name[locale] ?? code;
        return {
          key: { text: name },
          value:
            attached.length > 0
              ? { html: linesHtml(attached.map((document) => document.fileName)) }
              : { text: t("portal.check.documentMissing") },
          actions: {
            items: [
              {
                href: applicationPaths.documents(state.id),
                text: t("portal.check.change"),
                visuallyHiddenText: name,
              },
            ],
          },
        };
      })
    : [];
  const tier = definition.fee.expressTiers.find((one) => one.code === state.expressTier);
  const amount = feeDue(definition, state.expressTier);
  const feeRows = hasFeeStep(definition)
    ? [
        {
          key: { text: t("portal.fee.processing") },
          value: { text: tier ? tier.name[locale] : t("portal.fee.standard") },
          actions: {
            items: state.feePaid
              ? []
              : [
                  {
                    href: applicationPaths.fee(state.id),
                    text: t("portal.check.change"),
                    visuallyHiddenText: t("portal.fee.processing"),
                  },
                ],
          },
        },
        {
          key: { text: t("portal.fee.amount") },
          value: {
            text: `${formatMoney(amount, definition.fee.currency, locale)} — ${t(state.feePaid ? "portal.fee.paid" : amount === 0 ? "portal.fee.nothingToPay" : "portal.fee.notPaid")}`,
          },
        },
      ]
    : [];
  return reply.render(`${views}/check-answers.njk`, {
    title: t("portal.check.title"),
    caption: caseCaption(request, state, definition),
    caseId: state.id,
    sections,
    documentRows,
    feeRows,
    progress: draftProgress(definition, state, today),
    expectedSeq: state.lastSeq,
    // A new key each time the page is shown: pressing submit twice sends the same key.
    idempotencyKey: randomUUID(),
    errors: input.errors,
  });
}

/** Start page, form pages, "check your answers", submission and receipt. */
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
    return renderFormPage(request, reply, {
      state,
      definition,
      page: formPage,
      values: answersToValues(formPage.fields, state.answers),
      problems: [],
      returnTo: request.query.return === "check" ? "check" : undefined,
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

  app.get<CaseParams>("/applications/:id/check", page, async (request, reply) => {
    const { state, definition } = await readOwnCase(
      cases.contextFor(request),
      request.params.id,
      "check-answers",
    );
    if (state.state !== definition.initialState)
      return reply.redirect(applicationPaths.status(state.id), 303);
    return renderCheckPage(request, reply, services, { state, definition, errors: [] });
  });

  app.post<CaseParams>("/applications/:id/submit", limited(20), async (request, reply) => {
    const context = cases.contextFor(request);
    const { state: before, definition } = await readOwnCase(context, request.params.id, "submit");
    // Already submitted (a repeated click after the first finished): the receipt again, no new e-mail.
    if (before.state !== definition.initialState)
      return reply.redirect(applicationPaths.receipt(before.id), 303);
    const idempotencyKey = textField(request.body, "idempotencyKey");
    if (!idempotencyKey || idempotencyKey.length > 200) {
      throw new DomainError("idempotency_key_invalid", 400, "cases.errors.idempotency_key_invalid");
    }
    let submitted: CaseState;
    try {
      submitted = await submitApplication(context, before.id, {
        expectedSeq: integerField((request.body as Record<string, unknown>).expectedSeq),
        idempotencyKey,
      });
    } catch (error) {
      const problems = submissionProblems(request, definition, before, error);
      if (problems === "in_flight") return reply.redirect(applicationPaths.receipt(before.id), 303);
      const fresh = await readOwnCase(context, before.id, "check-answers");
      return renderCheckPage(request, reply.status(422), services, { ...fresh, errors: problems });
    }
    const principal = request.principal;
    if (principal) {
      const locale = isLocale(principal.locale) ? principal.locale : request.locale;
      try {
        await sendSubmissionConfirmation({
          mailer: cases.mailer,
          publicUrl: cases.config.publicUrl,
          recipient: { email: principal.email, fullName: principal.fullName, locale },
          t: services.i18n.t(locale),
          state: submitted,
          definition,
        });
      } catch (error) {
        // The application is in: a lost confirmation must not look like a failed submission.
        request.log.error({ err: error, caseId: submitted.id }, "submission confirmation not sent");
      }
    }
    return reply.redirect(applicationPaths.receipt(submitted.id), 303);
  });

  app.get<CaseParams>("/applications/:id/receipt", page, async (request, reply) => {
    const { state, definition } = await readOwnCase(cases.contextFor(request), request.params.id, "receipt");
    if (state.state === definition.initialState) return reply.redirect(applicationPaths.check(state.id), 303);
    const locale = request.locale;
    return reply.render(`${views}/receipt.njk`, {
      title: request.t("portal.receipt.title"),
      caseId: state.id,
      number: state.number,
      typeName: definition.name[locale],
      submitted: state.submittedAt ? formatLongDate(state.submittedAt, locale) : undefined,
      deadline: state.deadlineDate ? formatLongDate(state.deadlineDate, locale) : undefined,
      legalTime: legalTimeText(request, definition),
      email: request.principal?.email,
    });
  });
}

/** Why a submission was refused, as error summary entries pointing where to fix it. */
function submissionProblems(
  request: FastifyRequest,
  definition: CaseTypeDefinition,
  state: CaseState,
  error: unknown,
): Array<{ text: string; href?: string }> | "in_flight" {
  const t = request.t;
  if (error instanceof ConflictError && error.code === "idempotency_in_flight") return "in_flight";
  if (error instanceof AnswersInvalidError) {
    return error.problems.map((problem) => {
      const formPage = definition.form.find((one) =>
        one.fields.some((field) => problem.field.split(".")[0] === field.name),
      );
      return {
        text: formPage
          ? `${formPage.title[request.locale]}: ${t(problem.messageKey)}`
          : t(problem.messageKey),
        href: formPage
          ? `${applicationPaths.page(state.id, formPage.id)}?return=check#${inputId(problem.field)}`
          : applicationPaths.status(state.id),
      };
    });
  }
  if (error instanceof DomainError && error.code === "documents_missing") {
    return [{ text: t(error.messageKey), href: applicationPaths.documents(state.id) }];
  }
  if (error instanceof DomainError && error.code === "fee_unpaid") {
    return [{ text: t(error.messageKey), href: applicationPaths.fee(state.id) }];
  }
  if (error instanceof DomainError && error.code === "case_changed") return [{ text: t(error.messageKey) }];
  throw error;
}
