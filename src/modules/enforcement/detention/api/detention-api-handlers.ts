import type { FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import { DomainError } from "../../../../platform/errors/index.js";
import { readMultipartForm } from "../../../../platform/files/index.js";
import type { EnforcementServices } from "../../enforcement-services.js";
import { endSchema, extensionSchema, placementSchema, reviewSchema } from "../detention-forms.js";
import { detentionDashboard } from "../operations/detention-dashboard.js";
import { endPlacement } from "../operations/end-placement.js";
import { extendPlacement } from "../operations/extend-placement.js";
import { placePerson } from "../operations/place-person.js";
import { type PlacementFile, placementFile } from "../operations/placement-file.js";
import { recordReview } from "../operations/record-review.js";

interface Problem {
  field: string;
  messageKey: string;
  message: string;
}

function bodyInvalid(problems: Problem[]): DomainError {
  return new DomainError("detention_body_invalid", 422, "detentionApi.errors.bodyInvalid", { problems });
}

/** The body checked by the register's own form rules: each refused field named, in the caller's language. */
function parseBody<Schema extends z.ZodType>(
  request: FastifyRequest,
  schema: Schema,
  body: unknown,
): z.output<Schema> {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  throw bodyInvalid(
    parsed.error.issues.map((issue) => ({
      field: String(issue.path[0] ?? ""),
      messageKey: issue.message,
      message: request.t(issue.message),
    })),
  );
}

/** Text fields as the forms take them: a missing optional one is empty. */
function withEmpty(body: unknown, fields: readonly string[]): Record<string, unknown> {
  const given = (body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(fields.map((field) => [field, given[field] ?? ""]).concat(Object.entries(given)));
}

function placementFileView(file: PlacementFile) {
  const { placement } = file;
  return {
    placement: placementView(placement),
    person: file.person,
    centre: file.centre && {
      id: file.centre.id,
      code: file.centre.code,
      names: file.centre.names,
      region: file.centre.region,
      capacity: file.centre.capacity,
    },
    standing: file.standing,
    timeLimits: {
      today: file.today,
      noticeDate: file.noticeDate,
      releaseDue: file.releaseDue,
      longestExtension: file.longestExtension,
      absoluteLimit: file.absoluteLimit,
    },
    extensions: file.extensions.map(
      ({ documentId: _documentId, recordedAt: _recordedAt, ...extension }) => extension,
    ),
    reviews: file.reviews.map(({ recordedAt: _recordedAt, ...review }) => review),
  };
}

export function placementView(placement: PlacementFile["placement"]) {
  return {
    id: placement.id,
    personId: placement.personId,
    centreId: placement.centreId,
    legalBasis: placement.legalBasis,
    orderingAuthority: placement.orderingAuthority,
    courtDecisionReference: placement.courtDecisionReference,
    startDate: placement.startDate,
    initialUntil: placement.initialUntil,
    permittedUntil: placement.permittedUntil,
    status: placement.status,
    endedOn: placement.endedOn,
  };
}

/** The stays that need attention (overdue, or whose notice day has come), as the dashboard lists them. */
export async function staysNeedingAttention(
  services: EnforcementServices,
  request: FastifyRequest,
  query: { centre?: string | undefined; standing?: "overdue" | "due_soon" | undefined },
) {
  const dashboard = await detentionDashboard(services.enforcement.detention.contextFor(request));
  const rows = [
    ...(query.standing === "due_soon" ? [] : dashboard.overdue),
    ...(query.standing === "overdue" ? [] : dashboard.expiring),
  ];
  return {
    today: dashboard.today,
    placements: rows
      .filter((row) => !query.centre || row.centre?.code === query.centre || row.centre?.id === query.centre)
      .map((row) => ({
        placement: placementView(row.placement),
        person: row.person,
        centreCode: row.centre?.code ?? null,
        standing: row.standing,
        noticeDate: row.noticeDate,
        daysOver: row.daysOver,
      })),
  };
}

export async function readPlacement(services: EnforcementServices, request: FastifyRequest, id: string) {
  return placementFileView(await placementFile(services.enforcement.detention.contextFor(request), id));
}

const placementFields = ["fullName", "birthDate", "citizenship", "documentNumber", "permittedUntil"] as const;

export async function placeFromApi(
  services: EnforcementServices,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const placement = parseBody(request, placementSchema, withEmpty(request.body, placementFields));
  const context = services.enforcement.detention.contextFor(request);
  const id = await placePerson(context, placement);
  reply.header("location", `/api/v1/detention/placements/${id}`);
  return reply.status(201).send(placementFileView(await placementFile(context, id)));
}

export async function reviewFromApi(services: EnforcementServices, request: FastifyRequest, id: string) {
  const review = parseBody(request, reviewSchema, request.body);
  const context = services.enforcement.detention.contextFor(request);
  await recordReview(context, id, review);
  return placementFileView(await placementFile(context, id));
}

export async function endFromApi(services: EnforcementServices, request: FastifyRequest, id: string) {
  const end = parseBody(request, endSchema, request.body);
  const context = services.enforcement.detention.contextFor(request);
  await endPlacement(context, id, end);
  return placementFileView(await placementFile(context, id));
}

/**
 * An extension with its decision's document (multipart, as the page takes it). The document is
 * kept only once the extension is recorded; a refusal leaves nothing stored.
 */
export async function extendFromApi(services: EnforcementServices, request: FastifyRequest, id: string) {
  const upload = await readMultipartForm(request, services.documents);
  const extension = parseBody(request, extensionSchema, upload.fields);
  const document = upload.files.find((file) => file.fieldName === "decisionDocument");
  const refused = upload.refused.find((file) => file.fieldName === "decisionDocument");
  if (refused) throw refused.error;
  if (!document) {
    const messageKey = "detention.errors.decisionDocument";
    throw bodyInvalid([{ field: "decisionDocument", messageKey, message: request.t(messageKey) }]);
  }
  const context = services.enforcement.detention.contextFor(request);
  await extendPlacement(context, id, extension, {
    stored: document.document,
    declaredName: document.declaredName,
  });
  upload.keep();
  return placementFileView(await placementFile(context, id));
}
