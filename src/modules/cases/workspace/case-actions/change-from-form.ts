import type { FastifyReply, FastifyRequest } from "fastify";
import { RateLimitedError } from "../../../../platform/rate-limits/index.js";
import { tellRetryAfter } from "../../account-rate-limits.js";
import { type CaseFilePage, caseFileHref } from "../case-file/presenter.js";
import { type CaseFileExtras, renderCaseFile } from "../case-file/render-case-file.js";
import {
  bodyOf,
  expectedSeqOf,
  freeTextErrorsOf,
  isCaseChanged,
  refusalAsFormErrors,
  type TypedValues,
  typedValuesOf,
} from "../case-forms.js";
import type { CaseParams } from "../page-options.js";
import { type StaffContext, staffContextOf, type Workspace } from "../workspace.js";

/** A form of the case file: its id on the page, the page it is on, and the `?done=` it leads to. */
export interface CaseFileForm {
  id: string;
  page: CaseFilePage;
  done: (result: string) => string;
}

export type CaseChange = (context: StaffContext, values: TypedValues, expectedSeq: number) => Promise<string>;

/**
 * Runs a change from a case file form: success goes back to the page with a confirmation; a
 * rule the officer can act on comes back on the form; a case someone else changed meanwhile
 * comes back as it is now, with what the officer typed kept.
 */
export async function changeFromForm(
  workspace: Workspace,
  request: FastifyRequest<CaseParams>,
  reply: FastifyReply,
  form: CaseFileForm,
  change: CaseChange,
) {
  const caseId = request.params.id;
  const body = bodyOf(request);
  const values = typedValuesOf(body);
  const back = (extras: CaseFileExtras) =>
    renderCaseFile(workspace, request, reply, caseId, form.page, { sentForm: form.id, values, ...extras });
  const textErrors = freeTextErrorsOf(values, request, form.id);
  if (textErrors) return back({ status: 422, formErrors: textErrors });
  try {
    const result = await change(staffContextOf(workspace, request), values, expectedSeqOf(body));
    return reply.redirect(
      `${caseFileHref(caseId, form.page)}?done=${encodeURIComponent(form.done(result))}`,
      303,
    );
  } catch (error) {
    if (isCaseChanged(error)) return back({ status: 409, changed: true });
    const formErrors = refusalAsFormErrors(error, request, form.id);
    if (error instanceof RateLimitedError) tellRetryAfter(reply, error);
    return back({ status: (error as { status: number }).status, formErrors });
  }
}
