import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { ForbiddenError, NotFoundError } from "../../../platform/errors/index.js";
import type { Guard, Principal } from "../../access/index.js";

/** The address of a person, a review item or a merge. */
export const idParams = z.object({ id: z.uuid() });
export type IdParams = { Params: z.output<typeof idParams> };

/** Options of a register page: behind `guard`, left out of the API description. */
export function registerPage(guard: Guard) {
  return { preHandler: guard, schema: { hide: true } };
}

/**
 * Options of a register page whose address holds an id: a malformed one answers as an unknown one
 * (404 with `notFoundCode`), after the guard, so someone signed out is still sent to sign in (ADR 0031).
 */
export function registerPageWithId(guard: Guard, notFoundCode: string) {
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

/** The signed-in officer of a request that passed a register page's guard. */
export function officerOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new ForbiddenError();
  return request.principal;
}

/** A form's text field, trimmed; anything else reads as empty. */
export function formText(request: FastifyRequest, name: string): string {
  const value = ((request.body ?? {}) as Record<string, unknown>)[name];
  return typeof value === "string" ? value.trim() : "";
}

export const registerPaths = {
  reviewQueue: "/people/review",
  reviewItem: (id: string) => `/people/review/${id}`,
  person: (id: string) => `/people/persons/${id}`,
  merge: (id: string) => `/people/persons/${id}/merge`,
  undoMerge: (mergeId: string) => `/people/merges/${mergeId}/undo`,
  duplicates: "/people/duplicates",
  duplicate: (id: string) => `/people/duplicates/${id}`,
  search: "/people/search",
  model: "/people/model",
  estimateModel: "/people/model/estimate",
} as const;
