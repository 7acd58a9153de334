import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { sendDocumentDownload, sendDocumentInline } from "../../../platform/files/index.js";
import { type Locale, NotFoundError, requestedPage } from "../../../platform/http/index.js";
import { RateLimitedError } from "../../../platform/rate-limits/index.js";
import { findAgenciesByKind, listStaffWithPermission } from "../../access/index.js";
import { accountRateLimits, countForAccount, tellRetryAfter } from "../account-rate-limits.js";
import { taskSchema } from "../definition/case-type.js";
import { addNote } from "../operations/add-note.js";
import { assignCase, claimCase } from "../operations/assign-case.js";
import { actOnCase } from "./act-on-case.js";
import {
  type CaseFilePage,
  caseFileHref,
  caseFilePages,
  pagedLists,
  presentCaseFile,
} from "./case-file-view.js";
import {
  bodyOf,
  expectedSeqOf,
  type FormErrors,
  freeTextErrorsOf,
  isCaseChanged,
  refusalAsFormErrors,
  type TypedValues,
  transitionInputOf,
  typedValuesOf,
} from "./case-forms.js";
import { checkApproval } from "./check-approval.js";
import { allVersions } from "./deadline-risk.js";
import { downloadCaseDocument } from "./download-case-document.js";
import { listCaseQueue, type QueuePage } from "./list-case-queue.js";
import { messageApplicant } from "./message-applicant.js";
import { parseQueueQuery, type QueueQuery, queueHref } from "./queue-query.js";
import { countOverdueByAgency } from "./queue-repository.js";
import { loadCaseForStaff, viewCaseFile } from "./view-case-file.js";
import { agencyScopeOf, type StaffContext, type Workspace } from "./workspace.js";

const views = "cases/views/workspace";
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type CaseParams = { Params: { id: string } };

/** After a change the case file says what was done (?done=...); anything else is ignored. */
const doneMessages = new Set(["claimed", "assigned", "unassigned", "noted", "messaged"]);

interface CaseFileExtras {
  status?: number;
  formErrors?: FormErrors;
  /** The form the officer sent, and what they typed in it. */
  sentForm?: string;
  values?: TypedValues;
  /** Someone else changed the case since the officer's page was loaded. */
  changed?: boolean;
}

function staffContextOf(workspace: Workspace, request: FastifyRequest): StaffContext {
  return workspace.cases.contextFor(request) as StaffContext;
}

/** The queue pages and the case file of the officers' workspace. */
export async function registerCaseRoutes(app: FastifyInstance, workspace: Workspace): Promise<void> {
  const { guards } = workspace.cases;
  const readCases = { preHandler: guards.requirePermission("cases.read"), schema: { hide: true } };

  async function agencyOptions(request: FastifyRequest, chosen: string) {
    const kinds = taskSchema.shape.agencyKind.options;
    const agencies = (
      await Promise.all(kinds.map((kind) => findAgenciesByKind(workspace.cases.db, kind)))
    ).flat();
    return [
      { value: "", text: request.t("workspace.queue.filters.anyAgency") },
      ...agencies.map((agency) => ({
        value: agency.id,
        text: agency.names[request.locale],
        selected: agency.id === chosen,
      })),
    ];
  }

  function typeAndStateOptions(request: FastifyRequest, query: QueueQuery) {
    const locale = request.locale;
    const current = workspace.cases.registry.current();
    const states = new Map<string, string>();
    const chosenType = current.find((definition) => definition.code === query.type);
    for (const definition of chosenType ? [chosenType] : allVersions(workspace.cases.registry)) {
      for (const [name, state] of Object.entries(definition.states)) {
        const active = state.category === "open" || state.category === "waiting";
        if (active && !states.has(name)) states.set(name, state.label[locale]);
      }
    }
    return {
      typeItems: [
        { value: "", text: request.t("workspace.queue.filters.anyType") },
        ...current.map((definition) => ({
          value: definition.code,
          text: definition.name[locale],
          selected: definition.code === query.type,
        })),
      ],
      stateItems: [
        { value: "", text: request.t("workspace.queue.filters.activeStates") },
        ...[...states].map(([value, text]) => ({ value, text, selected: value === query.state })),
      ],
      typeName: chosenType?.name[locale] ?? null,
      stateName: states.get(query.state) ?? null,
    };
  }

  function queueView(request: FastifyRequest, base: string, query: QueueQuery, page: QueuePage) {
    const t = request.t;
    const options = typeAndStateOptions(request, query);
    const tags: Array<{ heading: string; text: string; href: string }> = [];
    if (query.q) {
      tags.push({
        heading: t("workspace.queue.search.tag"),
        text: query.q,
        href: queueHref(base, query, { q: "" }),
      });
    }
    if (query.type && options.typeName) {
      tags.push({
        heading: t("workspace.queue.filters.type"),
        text: options.typeName,
        href: queueHref(base, query, { type: "", state: "" }),
      });
    }
    if (query.state && options.stateName) {
      tags.push({
        heading: t("workspace.queue.filters.state"),
        text: options.stateName,
        href: queueHref(base, query, { state: "" }),
      });
    }
    if (query.assigned !== "anyone") {
      tags.push({
        heading: t("workspace.queue.filters.assigned"),
        text: t(`workspace.queue.assigned.${query.assigned}`),
        href: queueHref(base, query, { assigned: "anyone" }),
      });
    }
    if (query.risk !== "any") {
      tags.push({
        heading: t("workspace.queue.filters.risk"),
        text:
          query.risk === "due-soon"
            ? t("workspace.queue.risk.dueWithin", { days: query.days })
            : t(`workspace.queue.risk.${query.risk}`),
        href: queueHref(base, query, { risk: "any" }),
      });
    }
    return {
      ...options,
      query,
      page,
      tags,
      clearHref: base,
      sortHref: queueHref(base, query, { sort: query.sort === "deadline" ? "-deadline" : "deadline" }),
      ariaSort: query.sort === "deadline" ? "ascending" : "descending",
      previousHref: page.previous ? queueHref(base, query, { before: page.previous }) : null,
      nextHref: page.next ? queueHref(base, query, { after: page.next }) : null,
    };
  }

  app.get("/cases", readCases, async (request, reply) => {
    const query = parseQueueQuery(request.query);
    const context = staffContextOf(workspace, request);
    const page = await listCaseQueue(workspace, context, query, request.locale);
    return reply.render(`${views}/queue.njk`, {
      title: request.t("workspace.queue.title"),
      ...queueView(request, "/cases", query, page),
      agencyItems: page.allAgencies ? await agencyOptions(request, query.agency) : null,
      subNavigation: queueSubNavigation(request, "queue"),
    });
  });

  app.get("/cases/overdue", readCases, async (request, reply) => {
    const parsed = parseQueueQuery(request.query);
    const query: QueueQuery = {
      ...parsed,
      q: "",
      type: "",
      state: "",
      assigned: "anyone",
      risk: "overdue",
    };
    const context = staffContextOf(workspace, request);
    const page = await listCaseQueue(workspace, context, query, request.locale);
    const allAgencies = agencyScopeOf(context.principal) === null;
    const today = workspace.cases.calendar.legalDate(context.clock.now());
    const byAgency = allAgencies ? await countOverdueByAgency(context.db, today) : [];
    const agencies = allAgencies ? await agencyOptions(request, query.agency) : [];
    return reply.render(`${views}/overdue.njk`, {
      title: request.t("workspace.overdue.title"),
      query,
      page,
      today,
      byAgency: byAgency.map((row) => ({
        ...row,
        name: agencies.find((agency) => agency.value === row.agencyId)?.text ?? row.agencyId,
        href: queueHref("/cases/overdue", query, { agency: row.agencyId }),
      })),
      agencyName: query.agency
        ? (agencies.find((agency) => agency.value === query.agency)?.text ?? null)
        : null,
      clearHref: "/cases/overdue",
      sortHref: queueHref("/cases/overdue", query, {
        sort: query.sort === "deadline" ? "-deadline" : "deadline",
      }),
      ariaSort: query.sort === "deadline" ? "ascending" : "descending",
      previousHref: page.previous ? queueHref("/cases/overdue", query, { before: page.previous }) : null,
      nextHref: page.next ? queueHref("/cases/overdue", query, { after: page.next }) : null,
      subNavigation: queueSubNavigation(request, "overdue"),
    });
  });

  async function renderCaseFile(
    request: FastifyRequest,
    reply: FastifyReply,
    caseId: string,
    page: CaseFilePage,
    extras: CaseFileExtras = {},
  ) {
    const context = staffContextOf(workspace, request);
    const file = await viewCaseFile(workspace, context, caseId, page);
    const view = presentCaseFile(workspace, context, file, page, request.t, request.locale as Locale);
    const done = (request.query as { done?: unknown } | undefined)?.done;
    const doneTransition =
      typeof done === "string" ? file.definition.transitions.find((one) => one.name === done) : undefined;
    // The form the officer sent may be gone from the page (the case moved on): keep their text in view.
    const formsOnPage = [
      ...view.actions.map((action) => `action-${action.name}`),
      ...(page === "notes" ? ["note", ...(view.canMessage ? ["message"] : [])] : []),
    ];
    const sentFormGone = extras.sentForm !== undefined && !formsOnPage.includes(extras.sentForm);
    const typed = extras.values ?? {};
    const keptTexts = sentFormGone
      ? [typed.reasons, typed.message, typed.comment, typed.text].filter((one) => one?.trim())
      : [];
    reply.status(extras.status ?? 200);
    return reply.render(`${views}/case-${page}.njk`, {
      keptTexts,
      title: `${view.summary.number} – ${request.t(`workspace.caseFile.pages.${page}`)}`,
      ...view,
      ...pagedLists(view, page, requestedPage(request.query), request.t),
      errors: extras.formErrors?.errors,
      errorsByField: extras.formErrors?.byField ?? {},
      sentForm: extras.sentForm ?? null,
      values: extras.values ?? {},
      changed: extras.changed ?? false,
      done: doneTransition
        ? request.t("workspace.caseFile.done.action", { action: doneTransition.label[request.locale] })
        : typeof done === "string" && doneMessages.has(done)
          ? request.t(`workspace.caseFile.done.${done}`)
          : null,
    });
  }

  app.get<CaseParams>("/cases/:id", readCases, async (request, reply) =>
    renderCaseFile(request, reply, request.params.id, "overview"),
  );

  app.get<{ Params: { id: string; page: string } }>("/cases/:id/:page", readCases, async (request, reply) => {
    const page = caseFilePages.find((one) => one === request.params.page && one !== "overview");
    if (!page) return reply.callNotFound();
    return renderCaseFile(request, reply, request.params.id, page);
  });

  app.get<{ Params: { id: string; documentId: string } }>(
    "/cases/:id/documents/:documentId",
    readCases,
    async (request, reply) => {
      const context = staffContextOf(workspace, request);
      const document = await downloadCaseDocument(
        workspace,
        context,
        request.params.id,
        request.params.documentId,
      );
      return sendDocumentDownload(reply, document);
    },
  );

  app.get<{ Params: { id: string; documentId: string } }>(
    "/cases/:id/documents/:documentId/view",
    readCases,
    async (request, reply) => {
      const context = staffContextOf(workspace, request);
      const { id, documentId } = request.params;
      const document = await downloadCaseDocument(workspace, context, id, documentId, "view");
      return sendDocumentInline(reply, document);
    },
  );

  /**
   * Runs a change from a case file form: success goes back to the page with a confirmation; a
   * rule the officer can act on comes back on the form; a case someone else changed meanwhile
   * comes back as it is now, with what the officer typed kept.
   */
  async function changeFromForm(
    request: FastifyRequest<CaseParams>,
    reply: FastifyReply,
    form: { id: string; page: CaseFilePage; done: (result: string) => string },
    change: (context: StaffContext, values: TypedValues, expectedSeq: number) => Promise<string>,
  ) {
    const caseId = request.params.id;
    if (!uuidPattern.test(caseId)) throw new NotFoundError("case_not_found");
    const context = staffContextOf(workspace, request);
    const body = bodyOf(request);
    const values = typedValuesOf(body);
    const textErrors = freeTextErrorsOf(values, request, form.id);
    if (textErrors) {
      return renderCaseFile(request, reply, caseId, form.page, {
        status: 422,
        formErrors: textErrors,
        sentForm: form.id,
        values,
      });
    }
    try {
      const result = await change(context, values, expectedSeqOf(body));
      return reply.redirect(
        `${caseFileHref(caseId, form.page)}?done=${encodeURIComponent(form.done(result))}`,
        303,
      );
    } catch (error) {
      if (isCaseChanged(error)) {
        return renderCaseFile(request, reply, caseId, form.page, {
          status: 409,
          changed: true,
          sentForm: form.id,
          values,
        });
      }
      const formErrors = refusalAsFormErrors(error, request, form.id);
      if (error instanceof RateLimitedError) tellRetryAfter(reply, error);
      return renderCaseFile(request, reply, caseId, form.page, {
        status: (error as { status: number }).status,
        formErrors,
        sentForm: form.id,
        values,
      });
    }
  }

  app.post<CaseParams>("/cases/:id/claim", readCases, async (request, reply) =>
    changeFromForm(
      request,
      reply,
      { id: "claim", page: "overview", done: () => "claimed" },
      async (context, _v, seq) => {
        await claimCase(context, request.params.id, seq);
        return "claimed";
      },
    ),
  );

  app.post<CaseParams>("/cases/:id/assign", readCases, async (request, reply) =>
    changeFromForm(
      request,
      reply,
      { id: "assign", page: "overview", done: (result) => result },
      async (context, values, seq) => {
        const { state } = await loadCaseForStaff(workspace, context, request.params.id);
        const officers = await listStaffWithPermission(context.db, state.agencyId, "cases.process");
        const chosen = values.officerId ? officers.find((one) => one.id === values.officerId) : undefined;
        const officer = !values.officerId
          ? null
          : chosen
            ? { id: chosen.id, agencyId: state.agencyId, canProcess: true }
            : { id: values.officerId, agencyId: null, canProcess: false };
        await assignCase(context, state.id, officer, seq);
        return officer ? "assigned" : "unassigned";
      },
    ),
  );

  app.post<{ Params: { id: string; transition: string } }>(
    "/cases/:id/actions/:transition",
    readCases,
    async (request, reply) => {
      const name = request.params.transition;
      if (bodyOf(request).confirmed !== "yes" && uuidPattern.test(request.params.id)) {
        // A reply is "thenable": the check says whether it answered, rather than returning the reply.
        if (await renderApprovalCheck(request, reply, name)) return reply;
      }
      return changeFromForm(
        request,
        reply,
        { id: `action-${name}`, page: "overview", done: () => name },
        async (context, values, seq) => {
          await actOnCase(workspace, context, request.params.id, seq, name, transitionInputOf(values));
          return name;
        },
      );
    },
  );

  /**
   * Answers with the "check and confirm" page of an approval (or the case file, if the case moved
   * on); false, without answering, for a change that needs no confirmation.
   */
  async function renderApprovalCheck(
    request: FastifyRequest<{ Params: { id: string; transition: string } }>,
    reply: FastifyReply,
    transitionName: string,
  ): Promise<boolean> {
    const caseId = request.params.id;
    const context = staffContextOf(workspace, request);
    const check = await checkApproval(
      workspace,
      context,
      caseId,
      transitionName,
      expectedSeqOf(bodyOf(request)),
    );
    if (check.kind === "notNeeded") return false;
    if (check.kind === "changed") {
      await renderCaseFile(request, reply, caseId, "overview", { status: 409, changed: true });
      return true;
    }
    const view = presentCaseFile(workspace, context, check.file, "overview", request.t, request.locale);
    await reply.render(`${views}/confirm-approval.njk`, {
      title: `${view.summary.number} – ${request.t("workspace.confirmApproval.title")}`,
      caseId,
      transitionName,
      actionLabel: check.transition.label[request.locale],
      expectedSeq: view.expectedSeq,
      summary: view.summary,
      decision: view.decision,
      holderName: check.holderName,
    });
    return true;
  }

  app.post<CaseParams>("/cases/:id/notes", readCases, async (request, reply) =>
    changeFromForm(
      request,
      reply,
      { id: "note", page: "notes", done: () => "noted" },
      async (context, values) => {
        await addNote(context, request.params.id, values.text ?? "");
        return "noted";
      },
    ),
  );

  app.post<CaseParams>("/cases/:id/messages", readCases, async (request, reply) =>
    changeFromForm(
      request,
      reply,
      { id: "message", page: "notes", done: () => "messaged" },
      async (context, values) => {
        await countForAccount(workspace.cases, request, accountRateLimits.officerMessages);
        await messageApplicant(workspace, context, request.params.id, values.text ?? "");
        return "messaged";
      },
    ),
  );
}

function queueSubNavigation(request: FastifyRequest, current: "queue" | "overdue") {
  return [
    { text: request.t("workspace.queue.title"), href: "/cases", active: current === "queue" },
    { text: request.t("workspace.overdue.title"), href: "/cases/overdue", active: current === "overdue" },
  ];
}
