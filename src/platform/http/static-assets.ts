import { createRequire } from "node:module";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform } from "fastify-type-provider-zod";

const require = createRequire(import.meta.url);

/** The compiled stylesheet and scripts, and govuk-frontend's scripts and images. */
export async function registerStaticAssets(app: FastifyInstance, assetsDir: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: assetsDir,
    prefix: "/assets/",
    maxAge: "1h",
    index: false,
  });
  await app.register(fastifyStatic, {
    root: path.join(path.dirname(require.resolve("govuk-frontend/package.json")), "dist", "govuk"),
    prefix: "/assets/govuk/",
    allowedPath: (pathName) => pathName.endsWith(".js") || pathName.startsWith("/assets/images/"),
    decorateReply: false,
    maxAge: "1h",
    index: false,
  });
}

/** The OpenAPI description, generated from the routes' Zod schemas. */
export async function registerApiDescription(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: {
        title: "Karvan API",
        description:
          "JSON API of Karvan. Hosts and employers authenticate with an API key: `Authorization: Bearer <key>`.",
        version: "1",
      },
      components: {
        securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "Karvan API key" } },
      },
    },
    transform: jsonSchemaTransform,
  });
}
