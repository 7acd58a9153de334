export { apiErrorSchema } from "./api-error-schema.js";
export type { FieldError, FormResult } from "./forms.js";
export { formError, parseForm } from "./forms.js";
export type { I18n, Locale, Translator } from "./i18n.js";
export { createI18n, defaultLocale, isLocale, loadTranslations, supportedLocales } from "./i18n.js";
export { paginate, requestedPage } from "./pagination.js";
export { hasUnstorableCharacters } from "./request-bodies.js";
export { wantsJson } from "./request-kind.js";
export { languageCookie } from "./request-locale.js";
export { sameOriginPath } from "./same-origin-path.js";
export type { HttpServer, HttpServerOptions } from "./server.js";
export { createHttpServer } from "./server.js";
export type { TextRules } from "./text-rules.js";
export {
  checkText,
  hasHiddenOrControlCharacters,
  isInvisibleOnly,
  safeName,
  safeText,
} from "./text-rules.js";
export { createViewEnvironment } from "./views.js";
