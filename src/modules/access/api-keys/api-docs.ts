import { createHash } from "node:crypto";
import type { FastifyInstance } from "fastify";

/** Where the API reference lives; the OpenAPI document is at `${apiDocsPath}/openapi.json` (and .yaml). */
export const apiDocsPath = "/api/docs";

/** SHA-256 sources for the page's inline scripts, so that only these exact scripts may run. */
function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map(
    (match) =>
      `'sha256-${createHash("sha256")
        .update(match[1] ?? "")
        .digest("base64")}'`,
  );
}

/**
 * The reference is a client-side application: it needs its bundled script (served from here, no
 * CDN), one inline start-up script (allowed by its hash), and inline styles it injects at run
 * time. Everything else stays as strict as on the rest of the site: no other origin for
 * scripts, fonts, images or requests ("Try it" calls this server directly, with no proxy).
 */
function docsContentSecurityPolicy(scriptHashes: string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${scriptHashes.join(" ")}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** The API reference (Scalar) at /api/docs, over the OpenAPI document @fastify/swagger builds. */
export async function registerApiDocs(app: FastifyInstance): Promise<void> {
  await app.register(async (docs) => {
    docs.addHook("onSend", async (request, reply, payload) => {
      const isPage = String(reply.getHeader("content-type") ?? "").startsWith("text/html");
      const hashes = isPage && typeof payload === "string" ? inlineScriptHashes(payload) : [];
      reply.header("content-security-policy", docsContentSecurityPolicy(hashes));
      // The bundle is large and changes only with the package version.
      if (request.url.startsWith(`${apiDocsPath}/js/`)) reply.header("cache-control", "public, max-age=3600");
      return payload;
    });
    // Loaded only where the reference is served; its bundle is large.
    const { default: scalarApiReference } = await import("@scalar/fastify-api-reference");
    await docs.register(scalarApiReference, {
      routePrefix: apiDocsPath,
      logLevel: "warn",
      configuration: {
        pageTitle: "Karvan API",
        // No fonts from Scalar's CDN: the page uses the browser's own fonts.
        withDefaultFonts: false,
        telemetry: false,
        showDeveloperTools: "never",
        // "Ask AI" sends the document to Scalar's service; not for a government installation.
        agent: { disabled: true },
      },
    });
  });
}
