import type { FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import { DomainError } from "../../../../platform/errors/index.js";
import { parseForm } from "../../../../platform/http/index.js";
import { addCorrespondence } from "../operations/add-correspondence.js";
import { arrangeTransfer } from "../operations/arrange-transfer.js";
import { completeRequest } from "../operations/complete-request.js";
import { extendReply } from "../operations/extend-reply.js";
import { recordTravelDocument } from "../operations/issue-travel-document.js";
import { readRequest } from "../operations/read-request.js";
import { recordReply } from "../operations/record-reply.js";
import { queryText } from "../page-values.js";
import type { ReadmissionContext, ReadmissionModule } from "../readmission-module.js";
import {
  completionFormSchema,
  correspondenceFormSchema,
  extensionFormSchema,
  replyFormSchema,
  transferFormSchema,
  travelDocumentFormSchema,
} from "../request-form.js";
import { renderRequestPage, type StepName, stepNames } from "./presenter.js";

interface StepForm<S extends z.ZodType> {
  fields: readonly string[];
  schema: (today: string) => S;
  run: (context: ReadmissionContext, id: string, data: z.output<S>) => Promise<void>;
  /** The field a refusal of the operation (409) is shown at. */
  conflictField: string;
}

function step<S extends z.ZodType>(form: StepForm<S>): StepForm<z.ZodType> {
  return form as unknown as StepForm<z.ZodType>;
}

const stepForms: Record<StepName, StepForm<z.ZodType>> = {
  reply: step({
    fields: ["decision", "onDate", "reasons"],
    schema: replyFormSchema,
    run: recordReply,
    conflictField: "decision",
  }),
  extension: step({
    fields: ["days", "onDate", "reason"],
    schema: extensionFormSchema,
    run: extendReply,
    conflictField: "days",
  }),
  travelDocument: step({
    fields: ["onDate", "number"],
    schema: travelDocumentFormSchema,
    run: recordTravelDocument,
    conflictField: "onDate",
  }),
  transfer: step({
    fields: ["transferOn", "borderCrossingPoint", "escort"],
    schema: () => transferFormSchema,
    run: arrangeTransfer,
    conflictField: "transferOn",
  }),
  completion: step({
    fields: ["onDate", "note"],
    schema: completionFormSchema,
    run: completeRequest,
    conflictField: "onDate",
  }),
  correspondence: step({
    fields: ["kind", "direction", "onDate", "note"],
    schema: correspondenceFormSchema,
    run: addCorrespondence,
    conflictField: "note",
  }),
};

type IdRequest = FastifyRequest<{ Params: { id: string } }>;

/** GET /readmission/:id: the request, its deadlines, log and evidence, and the steps open now. */
export async function showRequest(module: ReadmissionModule, request: IdRequest, reply: FastifyReply) {
  const file = await readRequest(module.contextFor(request), request.params.id, "viewed");
  const done = queryText(request, "done");
  return renderRequestPage(request, reply, file, {
    today: module.today(),
    done: /^[a-z_]+$/.test(done) ? done : null,
  });
}

/** The request page again, with the failed step's errors at its own fields and its values kept. */
async function showStepFailure(
  module: ReadmissionModule,
  request: IdRequest,
  reply: FastifyReply,
  failure: { step: StepName; byField: Record<string, string>; values: Record<string, string> },
) {
  const file = await readRequest(module.contextFor(request), request.params.id, "viewed");
  const errors = Object.entries(failure.byField).map(([field, text]) => ({
    field,
    text,
    href: `#${failure.step}-${field}`,
  }));
  return renderRequestPage(request, reply, file, { today: module.today(), failure: { ...failure, errors } });
}

/** POST /readmission/:id/:step: one step of the workflow, from its form on the request page. */
export async function takeStep(
  module: ReadmissionModule,
  request: FastifyRequest<{ Params: { id: string; step: string } }>,
  reply: FastifyReply,
) {
  const name = stepNames.find((one) => one === request.params.step);
  if (!name) return reply.callNotFound();
  const form = stepForms[name];
  const body = (request.body ?? {}) as Record<string, unknown>;
  const values = Object.fromEntries(
    form.fields.map((field) => [field, typeof body[field] === "string" ? body[field] : ""]),
  );
  const parsed = parseForm(form.schema(module.today()), values, request.t);
  if (!parsed.ok)
    return showStepFailure(module, request, reply, { step: name, byField: parsed.byField, values });
  try {
    await form.run(module.contextFor(request), request.params.id, parsed.data);
  } catch (error) {
    if (!(error instanceof DomainError) || error.status !== 409) throw error;
    const text = request.t(error.messageKey, error.messageValues);
    return showStepFailure(module, request, reply, {
      step: name,
      byField: { [form.conflictField]: text },
      values,
    });
  }
  return reply.redirect(`/readmission/${request.params.id}?done=${name}`, 303);
}
