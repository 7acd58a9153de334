import type { FastifyReply, FastifyRequest } from "fastify";
import { DomainError } from "../../../../platform/errors/index.js";
import type { CasesContext } from "../../cases-context.js";
import type { CaseTypeDefinition, PageDefinition } from "../../definition/case-type.js";
import { fillFromMrz } from "../../definition/mrz-fill.js";
import type { CaseState } from "../../engine/case-state.js";
import { answersToValues } from "../form-values.js";
import type { PostedFormPage } from "./form.js";
import { renderFormPage } from "./presenter.js";

/**
 * "Fill in" from the machine-readable zone: the page again with the questions the zone answers
 * filled and everything else as typed. Nothing is saved: the person checks the answers against
 * the passport and saves the page as usual. A zone that does not read (a check digit that fails)
 * comes back on its box, naming the check digit.
 */
export function fillFormPageFromMrz(
  request: FastifyRequest,
  reply: FastifyReply,
  input: {
    context: CasesContext;
    common: {
      state: CaseState;
      definition: CaseTypeDefinition;
      page: PageDefinition;
      returnTo: "check" | undefined;
    };
    posted: PostedFormPage;
  },
) {
  const { context, common, posted } = input;
  const fill = common.page.mrzFill;
  if (!fill) throw new DomainError("no_mrz_fill", 400, "errors.bad_request");
  const today = context.deadlines.legalDate(context.clock.now());
  const result = fillFromMrz(fill, posted.mrz, today);
  if ("messageKey" in result) {
    return renderFormPage(request, reply.status(422), {
      ...common,
      values: posted.values,
      problems: [],
      mrz: { value: posted.mrz, messageKey: result.messageKey },
    });
  }
  const filledFields = common.page.fields.filter((field) => field.name in result.answers);
  const notices = [request.t("portal.form.mrz.filled")];
  if (result.unknownNationality) {
    notices.push(request.t("portal.form.mrz.unknownNationality", { code: result.unknownNationality }));
  }
  return renderFormPage(request, reply, {
    ...common,
    values: { ...posted.values, ...answersToValues(filledFields, result.answers) },
    problems: [],
    mrz: { value: posted.mrz },
    notice: notices.join(" "),
    noticeTestId: "mrz-filled-notice",
  });
}
