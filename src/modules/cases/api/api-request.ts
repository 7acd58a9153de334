import type { IncomingMessage } from "node:http";
import type { FastifyRequest, FastifySchema, RawServerDefault, RouteGenericInterface } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";

/** The request of an endpoint declared with `schema`, its params, query, headers and body typed by it. */
export type ApiRequest<Schema extends FastifySchema> = FastifyRequest<
  RouteGenericInterface,
  RawServerDefault,
  IncomingMessage,
  Schema,
  ZodTypeProvider
>;
