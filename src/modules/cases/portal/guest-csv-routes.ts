import { randomUUID } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { attachmentDisposition } from "../../../platform/files/index.js";
import { ConflictError, NotFoundError } from "../../../platform/http/index.js";
import { authorize, requestOrigin } from "../../access/index.js";
import type { CaseTypeDefinition } from "../definition/case-type.js";
import { applicationPaths } from "./application-steps.js";
import {
  type GuestCsvColumn,
  type GuestRowProblem,
  guestCsvColumns,
  maxGuestRows,
  readGuestCsv,
} from "./guest-csv.js";
import { guestCsvHeader, guestCsvTemplate } from "./guest-csv-template.js";
import { guestNameAnswer, guestRegistrationType } from "./guest-registration.js";
import type { PortalServices } from "./portal-services.js";
import { readTextUpload } from "./read-text-upload.js";
import { GuestRowsRefusedError, type RegisteredGuest, registerGuests } from "./register-guests.js";

const views = "cases/views/portal";

/** Where a host downloads the empty guest list to fill in. */
const guestCsvTemplatePath = "/applications/guests/csv/template";

type Guard = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined>;

/** How a column's cells are written, for the instructions on the page. */
function columnFormat(request: FastifyRequest, column: GuestCsvColumn): string {
  const t = request.t;
  const field = column.field;
  switch (field.kind) {
    case "date":
      return t("portal.csv.formats.date");
    case "email":
      return t("portal.csv.formats.email");
    case "number":
      return t("portal.csv.formats.number");
    case "country":
      return t("portal.csv.formats.country");
    case "documentNumber":
      return t("portal.csv.formats.documentNumber");
    case "select":
    case "radios":
      return t("portal.csv.formats.choice", {
        values: field.options.map((option) => `${option.value} (${option.label[request.locale]})`).join(", "),
      });
    case "address": {
      const part = column.name.split(".")[1] ?? "street";
      return part === "region" ? t("portal.csv.formats.region") : t(`portal.form.address.${part}`);
    }
    default:
      return t("portal.csv.formats.text");
  }
}

function problemText(request: FastifyRequest, problem: GuestRowProblem): string {
  const message = request.t(problem.messageKey, problem.values ?? {});
  return problem.column
    ? request.t("portal.csv.problemAtColumn", { line: problem.line, column: problem.column, message })
    : request.t("portal.csv.problemAtLine", { line: problem.line, message });
}

interface CsvPageInput {
  definition: CaseTypeDefinition;
  problems?: GuestRowProblem[];
  uploadError?: string | undefined;
}

function renderCsvPage(request: FastifyRequest, reply: FastifyReply, input: CsvPageInput) {
  const { definition } = input;
  const locale = request.locale;
  const columns = guestCsvColumns(definition);
  const problems = input.problems ?? [];
  const errors = input.uploadError
    ? [{ text: input.uploadError, href: "#guests" }]
    : problems.length > 0
      ? [
          { text: request.t("portal.csv.nobodyRegistered", { total: problems.length }), href: "#problems" },
          ...problems
            .slice(0, 10)
            .map((problem) => ({ text: problemText(request, problem), href: "#problems" })),
        ]
      : [];
  return reply.render(`${views}/guests-csv.njk`, {
    title: request.t("portal.csv.title"),
    typeName: definition.name[locale],
    maxRows: maxGuestRows,
    columns: columns.map((column) => ({
      name: column.name,
      question: column.field.label[locale],
      format: columnFormat(request, column),
      required: request.t(column.required ? "portal.csv.yes" : "portal.csv.whenApplies"),
    })),
    example: guestCsvHeader(definition),
    templateHref: guestCsvTemplatePath,
    problems: problems.map((problem) => ({
      line: problem.line,
      column: problem.column ?? "—",
      message: request.t(problem.messageKey, problem.values ?? {}),
    })),
    idempotencyKey: randomUUID(),
    errors,
    errorsByField: input.uploadError ? { guests: input.uploadError } : {},
  });
}

/** A host registers many guests at once from a CSV file (all of them, or none when a line is wrong). */
export async function registerGuestCsvRoutes(
  app: FastifyInstance,
  services: PortalServices,
  guard: Guard,
): Promise<void> {
  const { cases } = services;
  const hostGuard: Guard = async (request, reply) => {
    const redirected = await guard(request, reply);
    if (redirected) return redirected;
    await authorize(
      { db: cases.db, principal: request.principal, ...requestOrigin(request) },
      "portal.register_guests",
    );
    return undefined;
  };
  const page = { preHandler: hostGuard, schema: { hide: true } };
  const definitionOf = () => {
    const definition = cases.registry.latest(guestRegistrationType);
    if (!definition) throw new NotFoundError("unknown_case_type");
    return definition;
  };

  app.get("/applications/guests/csv", page, async (request, reply) =>
    renderCsvPage(request, reply, { definition: definitionOf() }),
  );

  app.get(guestCsvTemplatePath, page, async (_request, reply) =>
    reply
      .header("content-type", "text/csv; charset=utf-8")
      .header("content-disposition", attachmentDisposition("guests.csv"))
      .header("cache-control", "no-store")
      .send(guestCsvTemplate(definitionOf())),
  );

  app.post(
    "/applications/guests/csv",
    { ...page, config: { rateLimit: { max: 10, timeWindow: "1 minute" } } },
    async (request, reply) => {
      const definition = definitionOf();
      const upload = await readTextUpload(request, "guests");
      if (upload.problem || upload.text === undefined) {
        return renderCsvPage(request, reply.status(422), {
          definition,
          uploadError: request.t(`portal.csv.upload.${upload.problem ?? "missing"}`),
        });
      }
      const context = cases.contextFor(request);
      const today = cases.deadlines.legalDate(cases.clock.now());
      const { rows, problems } = readGuestCsv(definition, upload.text, today);
      if (problems.length > 0) return renderCsvPage(request, reply.status(422), { definition, problems });
      const key =
        typeof upload.fields.idempotencyKey === "string" ? upload.fields.idempotencyKey : randomUUID();
      let result: { registered: RegisteredGuest[]; repeated: boolean };
      try {
        result = await registerGuests(context, definition, rows, key.slice(0, 200));
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
      const nameOnLine = new Map(rows.map((row) => [row.line, String(row.answers[guestNameAnswer] ?? "")]));
      return reply.render(`${views}/guests-csv-done.njk`, {
        title: request.t("portal.csv.done.title"),
        repeated: result.repeated,
        count: result.registered.length,
        registered: result.registered.map((guest) => ({
          ...guest,
          name: nameOnLine.get(guest.line) ?? "",
          href: applicationPaths.status(guest.caseId),
        })),
      });
    },
  );
}
