import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { NotFoundError } from "../../../../platform/errors/index.js";
import type { CasesModule } from "../../../cases/index.js";
import { readStepTimings } from "../../operations/read-step-timings.js";

type IdRequest = FastifyRequest<{ Params: { id: string } }>;

/** GET /asylum/cases/:id/time-limits: each step's start, last day and standing. */
async function showTimeLimits(cases: CasesModule, request: IdRequest, reply: FastifyReply) {
  const { t, locale } = request;
  const { state, timings } = await readStepTimings(cases.contextFor(request), request.params.id);
  return reply
    .header("cache-control", "private, no-store")
    .render("asylum/pages/time-limits/time-limits.njk", {
      title: t("asylum.timeLimits.title", { number: state.number }),
      locale,
      caseId: state.id,
      steps: timings.map((timing) => ({
        ...timing,
        name: t(`asylum.steps.${timing.step}`),
        standing: t(`asylum.standing.${timing.status}`),
      })),
    });
}

/** The asylum unit's page of a case's step time limits; a malformed id answers as an unknown one. */
export function registerAsylumPages(app: FastifyInstance, cases: CasesModule): void {
  const guard = cases.guards.requirePermission("asylum.read");
  app.get<{ Params: { id: string } }>(
    "/asylum/cases/:id/time-limits",
    {
      preHandler: [
        guard,
        async (request: FastifyRequest) => {
          if (request.validationError) throw new NotFoundError("asylum_case_not_found");
        },
      ],
      schema: { hide: true, params: z.object({ id: z.uuid() }) },
      attachValidation: true,
    },
    (request, reply) => showTimeLimits(cases, request, reply),
  );
}
