import type { FastifyRequest, RouteShorthandOptions } from "fastify";
import { z } from "zod";
import { NotFoundError } from "../../platform/errors/index.js";

const uuid = z.uuid();

/** Ids reach SQL only once they are UUIDs: a malformed one is "not found", never a database error. */
export function isUuid(value: unknown): value is string {
  return uuid.safeParse(value).success;
}

/** The `:id` of a page address. */
const idParams = z.object({ id: uuid });

/**
 * Route options of a page whose address carries an `:id`: the id is checked by `idParams`, and a
 * malformed one shows the not-found page (as an unknown id does) instead of a 400 (see `pageId`).
 */
export function withIdParams<T extends RouteShorthandOptions>(options: T): T {
  return {
    ...options,
    schema: { ...(options.schema ?? {}), params: idParams },
    attachValidation: true,
  };
}

/** The checked `:id` of a page registered with `withIdParams`. */
export function pageId(request: FastifyRequest): string {
  if (request.validationError) throw new NotFoundError();
  return (request.params as z.output<typeof idParams>).id;
}
