import { randomUUID } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { ConflictError, NotFoundError } from "../../../../platform/errors/index.js";
import { attachmentDisposition } from "../../../../platform/files/index.js";
import type { CaseTypeDefinition } from "../../definition/case-type.js";
import { loadCaseState } from "../../engine/projection-repository.js";
import { notifyOfManualChecks } from "../../notices/notify-manual-checks.js";
import {
  GuestRowsRefusedError,
  type RegisteredGuest,
  registerGuests,
} from "../../operations/register-guests.js";
import { applicationPaths } from "../application-steps.js";
import { type GuestRow, readGuestCsv } from "../guest-csv.js";
import { guestCsvTemplate } from "../guest-csv-template.js";
import { guestNameAnswer, guestRegistrationType } from "../guest-registration.js";
import type { PortalServices } from "../portal-services.js";
import { readTextUpload } from "../read-text-upload.js";
import { renderCsvPage } from "./presenter.js";

function guestRegistrationOf(services: PortalServices): CaseTypeDefinition {
  const definition = services.cases.registry.latest(guestRegistrationType);
  if (!definition) throw new NotFoundError("unknown_case_type");
  return definition;
}

export async function showGuestListPage(
  services: PortalServices,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  return renderCsvPage(request, reply, { definition: guestRegistrationOf(services) });
}

export async function sendGuestListTemplate(services: PortalServices, reply: FastifyReply) {
  return reply
    .header("content-type", "text/csv; charset=utf-8")
    .header("content-disposition", attachmentDisposition("guests.csv"))
    .header("cache-control", "no-store")
    .send(guestCsvTemplate(guestRegistrationOf(services)));
}

function renderRegistered(
  request: FastifyRequest,
  reply: FastifyReply,
  rows: GuestRow[],
  result: { registered: RegisteredGuest[]; repeated: boolean },
) {
  const nameOnLine = new Map(rows.map((row) => [row.line, String(row.answers[guestNameAnswer] ?? "")]));
  return reply.render("cases/portal/guest-list/guests-csv-done.njk", {
    title: request.t("portal.csv.done.title"),
    repeated: result.repeated,
    count: result.registered.length,
    registered: result.registered.map((guest) => ({
      ...guest,
      name: nameOnLine.get(guest.line) ?? "",
      href: applicationPaths.status(guest.caseId),
    })),
  });
}

/** The host is told of each registration a watch-list hit holds for a manual check. */
async function notifyHeldGuests(services: PortalServices, registered: RegisteredGuest[]): Promise<void> {
  const states = await Promise.all(registered.map((guest) => loadCaseState(services.cases.db, guest.caseId)));
  await notifyOfManualChecks(
    services,
    states.filter((state) => state !== null),
  );
}

/** Registers every guest of the uploaded list, or none when a line is wrong. */
export async function uploadGuestListHandler(
  services: PortalServices,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const { cases } = services;
  const definition = guestRegistrationOf(services);
  const upload = await readTextUpload(request, "guests");
  if (upload.problem || upload.text === undefined) {
    return renderCsvPage(request, reply.status(422), {
      definition,
      uploadError: request.t(`portal.csv.upload.${upload.problem ?? "missing"}`),
    });
  }
  const today = cases.deadlines.legalDate(cases.clock.now());
  const { rows, problems } = readGuestCsv(definition, upload.text, today);
  if (problems.length > 0) return renderCsvPage(request, reply.status(422), { definition, problems });
  const key = typeof upload.fields.idempotencyKey === "string" ? upload.fields.idempotencyKey : randomUUID();
  try {
    const result = await registerGuests(cases.contextFor(request), definition, rows, key.slice(0, 200));
    if (!result.repeated) await notifyHeldGuests(services, result.registered);
    return renderRegistered(request, reply, rows, result);
  } catch (error) {
    if (error instanceof GuestRowsRefusedError) {
      return renderCsvPage(request, reply.status(422), { definition, problems: error.problems });
    }
    if (error instanceof ConflictError && error.code === "idempotency_in_flight") {
      return renderCsvPage(request, reply.status(409), {
        definition,
        uploadError: request.t("portal.csv.upload.inFlight"),
      });
    }
    throw error;
  }
}
