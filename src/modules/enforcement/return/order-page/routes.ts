import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { NotFoundError } from "../../../../platform/errors/index.js";
import type { CasesModule } from "../../../cases/index.js";
import { staffPageWithId } from "../../page-options.js";
import { showReturnOrder, takeReturnStep } from "./handler.js";

const stepParams = z.object({ id: z.uuid(), step: z.string().regex(/^[a-z][a-z-]*$/) });

/** /return-orders/:id: an order to leave, its deadline and outcomes, and the steps open now. */
export function registerReturnOrderPage(app: FastifyInstance, cases: CasesModule): void {
  const guard = cases.guards.requirePermission("return.manage");
  app.get<{ Params: { id: string } }>(
    "/return-orders/:id",
    staffPageWithId(guard, "return_order_not_found"),
    (request, reply) => showReturnOrder(cases, request, reply),
  );
  app.post<{ Params: { id: string; step: string } }>(
    "/return-orders/:id/steps/:step",
    {
      preHandler: [
        guard,
        async (request) => {
          if (request.validationError) throw new NotFoundError("return_order_not_found");
        },
      ],
      schema: { hide: true, params: stepParams },
      attachValidation: true,
    },
    (request, reply) => takeReturnStep(cases, request, reply),
  );
}
