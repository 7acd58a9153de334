import type { FastifyReply } from "fastify";
import { DomainError } from "../../../../platform/errors/index.js";
import { saveAnswers } from "../../operations/save-answers.js";
import type { ApiRequest } from "../api-request.js";
import { applicationView, readableProblems, withReadableProblems } from "../api-schemas.js";
import { type ApplicationApiDependencies, ownApplication } from "../own-application.js";
import type { saveAnswersSchema } from "./schema.js";

/** Saves one page; questions of other pages are refused by name before anything is checked. */
export async function saveAnswersHandler(
  { cases }: ApplicationApiDependencies,
  request: ApiRequest<ReturnType<typeof saveAnswersSchema>>,
  reply: FastifyReply,
) {
  const { context, state, definition } = await ownApplication(cases, request, reply, "write");
  const page = definition.form.find((one) => one.id === request.params.pageId);
  if (!page) throw new DomainError("unknown_page", 404, "casesApi.errors.unknown_page");
  const onPage = new Set(page.fields.map((field) => field.name));
  const strangers = Object.keys(request.body.answers).filter((field) => !onPage.has(field));
  if (strangers.length > 0) {
    throw readableProblems(
      request,
      strangers.map((field) => ({ field, messageKey: "casesApi.answers.notOnPage" })),
    );
  }
  const saved = await withReadableProblems(request, () =>
    saveAnswers(context, state.id, request.body.expectedSeq, page.id, request.body.answers),
  );
  return applicationView(saved, definition);
}
