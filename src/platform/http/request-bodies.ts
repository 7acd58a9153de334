import type { FastifyInstance, FastifyRequest } from "fastify";
import { DomainError } from "../errors/index.js";

/**
 * Deepest nesting of arrays and objects a JSON body may have. The deepest body the API takes (a
 * batch item's answers with an address or a repeating group) is six levels; anything far deeper
 * is an attack on code that walks the value recursively, and is refused before it is parsed.
 */
export const maxJsonDepth = 32;

/**
 * How deep the arrays and objects of a JSON text nest, counted without parsing it (no recursion,
 * so a text nested a million levels deep costs one pass over its characters). Stops counting as
 * soon as `limit` is passed.
 */
export function jsonNestingDepth(text: string, limit = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c)
        index++; // a backslash escapes the next character
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x5b || code === 0x7b) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (code === 0x5d || code === 0x7d) {
      depth--;
    }
  }
  return deepest;
}

/**
 * Characters PostgreSQL cannot store in text or jsonb: NUL, and UTF-16 surrogates without their
 * pair (not a character at all). A request carrying one would fail inside the database.
 */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasUnstorableCharacters(value: string): boolean {
  return value.includes("\u0000") || loneSurrogate.test(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  // A parsed form body is built on a prototype that has none itself (fast-querystring's `Empty`).
  return prototype === Object.prototype || prototype === null || Object.getPrototypeOf(prototype) === null;
}

/**
 * The paths (`answers.guestFullName`, `items.0.answers.hostName`) of the strings in a parsed
 * body, keys included, that the database could not store. Iterative, like the depth count.
 */
export function unstorableStringPaths(body: unknown, max = 20): string[] {
  const found: string[] = [];
  const pending: Array<{ value: unknown; path: string }> = [{ value: body, path: "" }];
  const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
  while (pending.length > 0 && found.length < max) {
    const { value, path } = pending.pop() as { value: unknown; path: string };
    if (typeof value === "string") {
      if (hasUnstorableCharacters(value)) found.push(path || "body");
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => {
        pending.push({ value: item, path: join(path, String(index)) });
      });
    } else if (isPlainObject(value)) {
      for (const [key, item] of Object.entries(value)) {
        if (hasUnstorableCharacters(key)) found.push(join(path, key));
        else pending.push({ value: item, path: join(path, key) });
      }
    }
  }
  return found;
}

/**
 * JSON bodies: too deep a nesting is refused (400 `json_too_deep`) before parsing; a text that is
 * not JSON, or that tries prototype poisoning (`__proto__`), is 400 `json_invalid`. Both with a
 * stable code, in the error shape of every other refusal.
 */
export function registerJsonBodyParser(app: FastifyInstance): void {
  const parseSafely = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser(
    "application/json",
    { parseAs: "string" },
    (
      request: FastifyRequest,
      body: string | Buffer,
      done: (error: Error | null, value?: unknown) => void,
    ) => {
      const text = typeof body === "string" ? body : body.toString("utf8");
      if (jsonNestingDepth(text, maxJsonDepth) > maxJsonDepth) {
        done(new DomainError("json_too_deep", 400, "errors.json_too_deep", { maxDepth: maxJsonDepth }));
        return;
      }
      parseSafely(request, text, (error, value) => {
        if (error) done(new DomainError("json_invalid", 400, "errors.json_invalid"));
        else done(null, value);
      });
    },
  );
}

/**
 * Every body, JSON or form, is checked for characters the database cannot store: refused with
 * 422 `invalid_characters` naming each field, before any route sees it. Routes that check their
 * input more closely (case answers) give their own, more precise answer for other characters.
 * The query string is checked too, once here for every search box and filter: such a character
 * is never typed into a form, so the address is refused with 400 `invalid_query_characters`.
 */
export function refuseUnstorableCharacters(app: FastifyInstance): void {
  app.addHook("preValidation", async (request) => {
    const parameters = unstorableStringPaths(request.query);
    if (parameters.length > 0)
      throw new DomainError(
        "invalid_query_characters",
        400,
        "errors.invalid_query_characters",
        { parameters },
        { fields: parameters.join(", ") },
      );
    if (request.body === undefined || request.body === null) return;
    if (typeof request.body !== "object" && typeof request.body !== "string") return;
    const fields = unstorableStringPaths(request.body);
    if (fields.length === 0) return;
    throw new DomainError(
      "invalid_characters",
      422,
      "errors.invalid_characters",
      {
        problems: fields.map((field) => ({
          field,
          messageKey: "errors.invalid_characters_field",
          message: request.t("errors.invalid_characters_field"),
        })),
      },
      { fields: fields.join(", ") },
    );
  });
}
