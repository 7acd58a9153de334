import { randomUUID } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { CaseTypeDefinition } from "../../definition/case-type.js";
import { type GuestCsvColumn, type GuestRowProblem, guestCsvColumns, maxGuestRows } from "../guest-csv.js";
import { guestCsvHeader } from "../guest-csv-template.js";

/** Where a host downloads the empty guest list to fill in. */
export const guestCsvTemplatePath = "/applications/guests/csv/template";

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

export interface CsvPageInput {
  definition: CaseTypeDefinition;
  problems?: GuestRowProblem[];
  uploadError?: string | undefined;
}

export function renderCsvPage(request: FastifyRequest, reply: FastifyReply, input: CsvPageInput) {
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
  return reply.render("cases/portal/guest-list/guests-csv.njk", {
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
