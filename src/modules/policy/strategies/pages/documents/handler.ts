import type { FastifyReply, FastifyRequest } from "fastify";
import { listPolicyDocuments } from "../../operations/list-documents.js";
import { type DocumentKind, type DocumentStatus, documentKinds, documentStatuses } from "../../records.js";
import type { PolicyStrategiesModule } from "../../strategies-module.js";
import { privatePage, queryText, shownDate } from "../page-values.js";

function oneOf<T extends string>(values: readonly T[], value: string): T | undefined {
  return values.find((one) => one === value);
}

/** GET /policy/documents: the documents, searched by words, status and kind. */
export async function showDocuments(
  module: PolicyStrategiesModule,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const t = request.t;
  const text = queryText(request, "q");
  const status: DocumentStatus | undefined = oneOf(documentStatuses, queryText(request, "status"));
  const kind: DocumentKind | undefined = oneOf(documentKinds, queryText(request, "kind"));
  const documents = await listPolicyDocuments(module.contextFor(request), {
    ...(text ? { text } : {}),
    ...(status ? { status } : {}),
    ...(kind ? { kind } : {}),
  });
  return privatePage(reply).render("policy/strategies/pages/documents/documents.njk", {
    title: t("policyStrategies.documents.title"),
    mayManage: request.principal?.permissions.has("policy.manage") ?? false,
    query: text,
    statusItems: [
      { value: "", text: t("policyStrategies.documents.anyStatus") },
      ...documentStatuses.map((one) => ({
        value: one,
        text: t(`policyStrategies.status.${one}`),
        selected: one === status,
      })),
    ],
    kindItems: [
      { value: "", text: t("policyStrategies.documents.anyKind") },
      ...documentKinds.map((one) => ({
        value: one,
        text: t(`policyStrategies.kind.${one}`),
        selected: one === kind,
      })),
    ],
    rows: documents.map((document) => [
      {
        html: `<a class="govuk-link" href="/policy/documents/${document.id}">${escapeHtml(document.title)}</a>`,
      },
      { text: t(`policyStrategies.kind.${document.kind}`) },
      { text: t(`policyStrategies.status.${document.status}`) },
      { text: String(document.version), format: "numeric" },
      { text: shownDate(request, document.adoptedOn) },
    ]),
  });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
