import type { FastifyInstance } from "fastify";
import type { KarvanConfig } from "../config/index.js";
import { type I18n, isLocale, type Locale } from "./i18n.js";
import { isApiPath, wantsJson } from "./request-kind.js";
import { sameOriginPath } from "./same-origin-path.js";

export const languageCookie = "karvan_lang";

/**
 * Gives each request its language (a `?lang=` switch, kept in a cookie, or the cookie), its
 * translator and an empty view context, and tells whether an API key authenticates it.
 */
export function registerRequestLocale(app: FastifyInstance, config: KarvanConfig, i18n: I18n): void {
  app.addHook("onRequest", async (request, reply) => {
    const query = request.query as Record<string, unknown> | undefined;
    const cookieLocale = request.cookies[languageCookie];
    const requested = query?.lang;
    if (isLocale(requested)) {
      reply.setCookie(languageCookie, requested, {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        secure: !config.insecureCookies,
        maxAge: 365 * 24 * 3600,
      });
      if (request.method === "GET" && !wantsJson(request)) {
        // Back to the same page without the switch; an address that is not a path here goes home.
        const url = new URL(sameOriginPath(request.url) ?? "/", "http://karvan.invalid");
        url.searchParams.delete("lang");
        return reply.redirect(sameOriginPath(`${url.pathname}${url.search}`) ?? "/", 303);
      }
      request.locale = requested;
    } else if (isLocale(cookieLocale)) {
      request.locale = cookieLocale;
    }
    request.t = i18n.t(request.locale);
    request.viewContext = {};
    // Keys authenticate the JSON API only; pages stay with the browser session (and its CSRF check).
    request.usesApiKey = typeof request.headers.authorization === "string" && isApiPath(request.url);
  });
}

/** The current address in each language, keeping its query (a token in a link must survive a switch). */
export function languageLinks(url: URL): Record<Locale, string> {
  const link = (locale: Locale) => {
    const target = new URL(url);
    target.searchParams.set("lang", locale);
    return `${target.pathname}${target.search}`;
  };
  return { az: link("az"), en: link("en"), ru: link("ru") };
}
