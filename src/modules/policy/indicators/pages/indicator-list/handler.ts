import type { FastifyReply, FastifyRequest } from "fastify";
import type { IndicatorPages } from "../../indicator-pages-module.js";
import { languageOf } from "../../indicator-presentation.js";
import { listIndicators } from "../../operations/list-indicators.js";
import { queryText } from "../page-support.js";

/** GET /policy/indicators: the indicators found by `q`, with a link to define one for policy officers. */
export async function showIndicatorList(pages: IndicatorPages, request: FastifyRequest, reply: FastifyReply) {
  const { t } = request;
  const search = queryText(request, "q");
  const language = languageOf(request.locale);
  const indicators = await listIndicators(pages.contextFor(request), search);
  return reply
    .header("cache-control", "private, no-store")
    .render("policy/indicators/pages/indicator-list/indicator-list.njk", {
      title: t("policyIndicators.list.title"),
      search,
      canDefine: request.principal?.permissions.has("policy.manage") ?? false,
      rows: indicators.map((indicator) => [
        {
          html: `<a class="govuk-link" href="/policy/indicators/${indicator.code}">${escapeHtml(indicator.names[language])}</a>`,
        },
        { text: indicator.code },
        {
          text:
            t(`policyIndicators.kind.${indicator.kind}`) +
            (indicator.demo ? ` (${t("policyIndicators.demo")})` : ""),
        },
        { text: indicator.agency ? indicator.agency.names[language] : "—" },
      ]),
    });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
