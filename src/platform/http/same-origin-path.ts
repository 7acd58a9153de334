/**
 * The one check for every redirect whose target comes from the request (`?next=` after sign-in,
 * the page a `?lang=` switch returns to): only a path on this service is ever followed.
 *
 * The raw string is not enough: `/x/..//evil.example/` starts with a single slash, but once the
 * dot segments are resolved it is `//evil.example/`, which a browser reads as another host. So the
 * path is normalised first and the result is what gets checked and returned. Browsers also drop
 * tabs and line breaks inside an address and read `\` as `/`, and a proxy or the next hop may
 * decode `%2f` / `%5c`, so any of those near the start is refused too.
 */

const base = "http://karvan.invalid";

/** Control characters (tab, line breaks included) and the backslash, written or percent-encoded. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
const refusedCharacter = /[\u0000-\u001f\u007f\\]/;

/** Two slashes (or a backslash) at the start of a path: the start of another host's address. */
const hostStart = /^(?:[/\\]{2}|\\)/;

/** Decodes percent-escapes until nothing changes (`%252f` is `/` after two decodings). */
function fullyDecoded(text: string): string | null {
  let current = text;
  for (let round = 0; round < 5; round += 1) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return current;
    current = next;
  }
  return null;
}

/**
 * The target as a normalised path on this service (`/path?query#hash`), or null when it is not one.
 * Idempotent: a returned path passes the check again unchanged.
 */
export function sameOriginPath(target: unknown): string | null {
  if (typeof target !== "string" || target.length === 0 || target.length > 2000) return null;
  if (!target.startsWith("/") || hostStart.test(target) || refusedCharacter.test(target)) return null;
  let url: URL;
  try {
    url = new URL(target, base);
  } catch {
    return null;
  }
  if (url.origin !== base) return null;
  const decodedPath = fullyDecoded(url.pathname);
  if (decodedPath === null || hostStart.test(decodedPath) || refusedCharacter.test(decodedPath)) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return hostStart.test(path) ? null : path;
}
