import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { NotFoundError } from "../../../../platform/errors/index.js";
import type { Guard } from "../../../access/index.js";

const idParams = z.object({ id: z.uuid() });

/** Options of a staff page behind `guard`, left out of the API description. */
export function staffPage(guard: Guard) {
  return { preHandler: guard, schema: { hide: true } };
}

/**
 * Options of a staff page whose address holds an id: a malformed one answers as an unknown one
 * (404), and only after the guard, so that someone signed out is still sent to sign in.
 */
export function staffPageWithId(guard: Guard, notFoundCode: string) {
  return {
    preHandler: [
      guard,
      async (request: FastifyRequest) => {
        if (request.validationError) throw new NotFoundError(notFoundCode);
      },
    ],
    schema: { hide: true, params: idParams },
    attachValidation: true,
  };
}
