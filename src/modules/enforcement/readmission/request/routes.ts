import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { NotFoundError } from "../../../../platform/errors/index.js";
import { staffPage, staffPageWithId } from "../../page-options.js";
import type { ReadmissionModule } from "../readmission-module.js";
import { uploadEvidence } from "./evidence-handler.js";
import { showRequest, takeStep } from "./handler.js";
import { downloadRequestForm } from "./request-form-pdf.js";

const stepParams = z.object({ id: z.uuid(), step: z.string().regex(/^[a-zA-Z]+$/) });

/** /readmission/:id: a request's page, its workflow steps, its evidence and its form as a PDF. */
export function registerRequestPage(app: FastifyInstance, module: ReadmissionModule): void {
  const guard = module.guards.requirePermission("readmission.manage");
  const withId = staffPageWithId(guard, "readmission_request_not_found");
  app.get<{ Params: { id: string } }>("/readmission/:id", withId, (request, reply) =>
    showRequest(module, request, reply),
  );
  app.get<{ Params: { id: string } }>("/readmission/:id/form.pdf", withId, (request, reply) =>
    downloadRequestForm(module, request, reply),
  );
  app.post<{ Params: { id: string } }>("/readmission/:id/evidence", withId, (request, reply) =>
    uploadEvidence(module, request, reply),
  );
  app.post<{ Params: { id: string; step: string } }>(
    "/readmission/:id/:step",
    {
      ...staffPage(guard),
      preHandler: [
        guard,
        async (request) => {
          if (request.validationError) throw new NotFoundError("readmission_request_not_found");
        },
      ],
      schema: { hide: true, params: stepParams },
      attachValidation: true,
    },
    (request, reply) => takeStep(module, request, reply),
  );
}
