import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { NotFoundError } from "../../../../platform/errors/index.js";
import type { NoticeServices } from "../../../cases/index.js";
import { setInterview, showInterview } from "./handler.js";

/** /asylum/cases/:id/interview: the officer sets the interview's day, time, place and interpreter. */
export function registerInterviewPage(app: FastifyInstance, services: NoticeServices): void {
  const { cases } = services;
  const options = {
    preHandler: [
      cases.guards.requirePermission("asylum.read"),
      async (request: FastifyRequest) => {
        if (request.validationError) throw new NotFoundError("asylum_case_not_found");
      },
    ],
    schema: { hide: true, params: z.object({ id: z.uuid() }) },
    attachValidation: true,
  };
  app.get<{ Params: { id: string } }>("/asylum/cases/:id/interview", options, (request, reply) =>
    showInterview(cases, request, reply),
  );
  app.post<{ Params: { id: string } }>("/asylum/cases/:id/interview", options, (request, reply) =>
    setInterview(services, request, reply),
  );
}
