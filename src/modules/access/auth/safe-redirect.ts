/**
 * Where to go after signing in. Only a path on this service is followed: absolute addresses,
 * protocol-relative ones ("//evil.example") and backslash tricks are dropped, so a link with
 * `?next=` cannot send people to another site after they trusted our sign-in page.
 */
export function safeNextPath(next: unknown): string | null {
  if (typeof next !== "string" || next.length === 0 || next.length > 2000) return null;
  if (!next.startsWith("/") || next.startsWith("//") || next.includes("\\")) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(next)) return null;
  const base = "http://karvan.invalid";
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return null;
  }
  if (url.origin !== base) return null;
  // Coming back to a sign-in step after signing in would loop.
  if (/^\/(sign-in|sign-out|sign-up)(\/|$)/.test(url.pathname)) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}
