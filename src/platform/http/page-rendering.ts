import { promisify } from "node:util";
import type { FastifyInstance, FastifyReply } from "fastify";
import type nunjucks from "nunjucks";
import type { KarvanConfig } from "../config/index.js";
import { languageLinks } from "./request-locale.js";

/** `reply.render` (a whole page, with the form token and the language links) and `reply.renderFragment`. */
export function registerPageRendering(
  app: FastifyInstance,
  config: KarvanConfig,
  views: nunjucks.Environment,
): void {
  const renderTemplate = promisify(views.render.bind(views)) as (
    name: string,
    context: Record<string, unknown>,
  ) => Promise<string>;

  app.decorateReply("render", async function (this: FastifyReply, template: string, data = {}) {
    const request = this.request;
    const url = new URL(request.url, "http://karvan.invalid");
    const context = {
      ...request.viewContext,
      ...data,
      t: request.t,
      lang: request.locale,
      htmlLang: request.locale,
      cspNonce: this.cspNonce?.script,
      csrfToken: this.generateCsrf(),
      demo: config.demo,
      currentPath: url.pathname,
      currentUrl: `${url.pathname}${url.search}`,
      languageLinks: languageLinks(url),
    };
    const html = await renderTemplate(template, context);
    return this.type("text/html; charset=utf-8").send(html);
  });
  app.decorateReply(
    "renderFragment",
    function (this: FastifyReply, template: string, data: Record<string, unknown>) {
      return renderTemplate(template, { ...data, t: this.request.t, lang: this.request.locale });
    },
  );
}
