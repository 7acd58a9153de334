import type { FastifyReply, FastifyRequest } from "fastify";
import { type Locale, requestedPage, type Translator } from "../../../../platform/http/index.js";
import type { CaseState } from "../../engine/case-state.js";
import type { FormErrors, TypedValues } from "../case-forms.js";
import { type CaseFile, viewCaseFile } from "../view-case-file.js";
import { staffContextOf, type Workspace } from "../workspace.js";
import { type CaseFilePage, type CaseFileView, pagedLists, presentCaseFile } from "./presenter.js";

/** After a change the case file says what was done (?done=...); anything else is ignored. */
const doneMessages = new Set([
  "claimed",
  "assigned",
  "unassigned",
  "noted",
  "messaged",
  "registered",
  "representativeAdded",
  "representativeEnded",
]);

export interface CaseFileExtras {
  status?: number;
  formErrors?: FormErrors;
  /** The form the officer sent, and what they typed in it. */
  sentForm?: string;
  values?: TypedValues;
  /** Someone else changed the case since the officer's page was loaded. */
  changed?: boolean;
}

/**
 * Answers with a page of the case file (an audited read), as it is now; after a form was sent,
 * with that form's errors and what the officer typed.
 */
export async function renderCaseFile(
  workspace: Workspace,
  request: FastifyRequest,
  reply: FastifyReply,
  caseId: string,
  page: CaseFilePage,
  extras: CaseFileExtras = {},
) {
  const context = staffContextOf(workspace, request);
  const file = await viewCaseFile(workspace, context, caseId, page);
  const view = presentCaseFile(workspace, context, file, page, request.t, request.locale as Locale);
  reply.status(extras.status ?? 200);
  return reply.render(`cases/workspace/case-file/case-${page}.njk`, {
    keptTexts: keptTexts(view, page, extras),
    title: `${view.summary.number} – ${request.t(`workspace.caseFile.pages.${page}`)}`,
    ...view,
    ...pagedLists(view, page, requestedPage(request.query), request.t),
    errors: extras.formErrors?.errors,
    errorsByField: extras.formErrors?.byField ?? {},
    sentForm: extras.sentForm ?? null,
    values: extras.values ?? {},
    changed: extras.changed ?? false,
    done: doneMessage(request, file),
    hold: holdBanner(file.state, request.t),
  });
}

/** A hold not released is said on every page of the file, with the way to the review of holds. */
function holdBanner(state: CaseState, t: Translator) {
  const hold = state.hold;
  if (!hold || hold.status === "released") return null;
  return {
    text:
      hold.status === "open"
        ? t("workspace.holds.banner", { list: t(`workspace.holds.lists.${hold.list}`) })
        : t("workspace.holds.bannerConfirmed"),
    href: `/holds/${state.id}`,
    link: t("workspace.holds.review"),
  };
}

/** The form the officer sent may be gone from the page (the case moved on): keep their text in view. */
function keptTexts(view: CaseFileView, page: CaseFilePage, extras: CaseFileExtras): string[] {
  const formsOnPage = [
    ...view.actions.map((action) => `action-${action.name}`),
    ...(page === "notes" ? ["note", ...(view.canMessage ? ["message"] : [])] : []),
  ];
  const sentFormGone = extras.sentForm !== undefined && !formsOnPage.includes(extras.sentForm);
  const typed = extras.values ?? {};
  return sentFormGone
    ? [typed.reasons, typed.message, typed.comment, typed.text].filter((one): one is string =>
        Boolean(one?.trim()),
      )
    : [];
}

function doneMessage(request: FastifyRequest, file: CaseFile): string | null {
  const done = (request.query as { done?: unknown } | undefined)?.done;
  if (typeof done !== "string") return null;
  const transition = file.definition.transitions.find((one) => one.name === done);
  if (transition) {
    return request.t("workspace.caseFile.done.action", { action: transition.label[request.locale] });
  }
  return doneMessages.has(done) ? request.t(`workspace.caseFile.done.${done}`) : null;
}
