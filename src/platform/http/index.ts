export {
  ConflictError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  TooManyRequestsError,
  UnauthenticatedError,
} from "./errors.js";
export type { FieldError, FormResult } from "./forms.js";
export { formError, parseForm } from "./forms.js";
export type { I18n, Locale, Translator } from "./i18n.js";
export { createI18n, defaultLocale, isLocale, loadTranslations, supportedLocales } from "./i18n.js";
export { hasUnstorableCharacters } from "./request-bodies.js";
export type { HttpServer, HttpServerOptions } from "./server.js";
export { createHttpServer, languageCookie, wantsJson } from "./server.js";
export type { TextRules } from "./text-rules.js";
export { checkText, hasHiddenOrControlCharacters, isInvisibleOnly, safeText } from "./text-rules.js";
export { createViewEnvironment, displayTimeZone } from "./views.js";
