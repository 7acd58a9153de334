import type { FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import { DomainError } from "../../../../platform/errors/index.js";
import { arrangeTransfer } from "../operations/arrange-transfer.js";
import { listReadmissionRequests } from "../operations/list-requests.js";
import { readRequest } from "../operations/read-request.js";
import { recordReply } from "../operations/record-reply.js";
import { registerReadmissionRequest } from "../operations/register-request.js";
import type { ReadmissionModule } from "../readmission-module.js";
import {
  replyFormSchema,
  requestFormFields,
  requestFormSchema,
  transferFormSchema,
} from "../request-form.js";
import type { ReadmissionRequest, RequestStatus } from "../request-record.js";

/** The body checked by the register's own form rules: each refused field named, in the caller's language. */
function parseBody<Schema extends z.ZodType>(
  request: FastifyRequest,
  schema: Schema,
  body: unknown,
): z.output<Schema> {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  throw new DomainError("readmission_body_invalid", 422, "readmissionApi.errors.bodyInvalid", {
    problems: parsed.error.issues.map((issue) => ({
      field: String(issue.path[0] ?? ""),
      messageKey: issue.message,
      message: request.t(issue.message),
    })),
  });
}

/** Text fields as the form takes them: a missing optional one is empty. */
function withEmpty(body: unknown, fields: readonly string[]): Record<string, unknown> {
  return { ...Object.fromEntries(fields.map((field) => [field, ""])), ...((body ?? {}) as object) };
}

/** A request without the internal bookkeeping of the daily warnings. */
function requestView({ warnedFor: _warnedFor, ...request }: ReadmissionRequest) {
  return request;
}

export interface RequestFilter {
  direction?: "in" | "out" | undefined;
  partner?: string | undefined;
  status?: RequestStatus | undefined;
}

/** The requests the officer may see (the listing audited by the operation), filtered as asked. */
export async function listRequests(
  module: ReadmissionModule,
  request: FastifyRequest,
  filter: RequestFilter,
) {
  const requests = await listReadmissionRequests(module.contextFor(request));
  return {
    requests: requests
      .filter(
        (one) =>
          (!filter.direction || one.direction === filter.direction) &&
          (!filter.partner || one.partnerState === filter.partner.toUpperCase()) &&
          (!filter.status || one.status === filter.status),
      )
      .map(requestView),
  };
}

/** Requests agreed (or deemed agreed) whose transfer is still to be made, the earliest due first. */
export async function transfersDue(module: ReadmissionModule, request: FastifyRequest) {
  const requests = await listReadmissionRequests(module.contextFor(request));
  return {
    requests: requests
      .filter((one) => one.status === "agreed" || one.status === "deemed_agreed")
      .sort((a, b) => (a.transferDue ?? "").localeCompare(b.transferDue ?? ""))
      .map(requestView),
  };
}

export async function readOne(module: ReadmissionModule, request: FastifyRequest, id: string) {
  const file = await readRequest(module.contextFor(request), id, "viewed");
  return { request: requestView(file.request), correspondence: file.correspondence };
}

export async function registerFromApi(
  module: ReadmissionModule,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const form = parseBody(
    request,
    requestFormSchema(module.today()),
    withEmpty(request.body, requestFormFields),
  );
  const id = await registerReadmissionRequest(module.contextFor(request), form);
  reply.header("location", `/api/v1/readmission/requests/${id}`);
  return reply.status(201).send(await readOne(module, request, id));
}

export async function replyFromApi(module: ReadmissionModule, request: FastifyRequest, id: string) {
  const form = parseBody(request, replyFormSchema(module.today()), withEmpty(request.body, ["reasons"]));
  await recordReply(module.contextFor(request), id, form);
  return readOne(module, request, id);
}

export async function transferFromApi(module: ReadmissionModule, request: FastifyRequest, id: string) {
  const form = parseBody(request, transferFormSchema, request.body);
  await arrangeTransfer(module.contextFor(request), id, form);
  return readOne(module, request, id);
}
