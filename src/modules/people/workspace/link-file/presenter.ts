import type { FastifyReply, FastifyRequest } from "fastify";
import { formatNumber } from "../../../../platform/locale/index.js";
import type { PeopleFileSummary } from "../../link-file/link-people-file.js";
import { type PeopleFileProblem, peopleFileColumns } from "../../link-file/read-people-file.js";

export const linkFilePath = "/people/link-file";
/** A file of about 20,000 records: linked within a request, in a few seconds. */
export const maxLinkFileBytes = 2 * 1024 * 1024;
export const fileField = "records";

export function resultPath(id: string, file?: "pairs" | "clusters"): string {
  return file ? `${linkFilePath}/${id}/${file}.csv` : `${linkFilePath}/${id}`;
}

export type UploadProblem = "missing" | "tooLarge";

export interface LinkFileFormInput {
  uploadProblem?: UploadProblem;
  problems?: PeopleFileProblem[];
  problemCount?: number;
}

function problemText(request: FastifyRequest, problem: PeopleFileProblem): string {
  return request.t(`people.linkFile.problems.${problem.code}`, {
    column: problem.column ?? "",
    value: problem.value ?? "",
  });
}

function problemRows(request: FastifyRequest, problems: readonly PeopleFileProblem[]) {
  return problems.map((problem) => ({
    line: problem.line,
    column: problem.column ?? "—",
    message: problemText(request, problem),
  }));
}

/** The error summary: what went wrong, pointing at the file field, then the first bad lines. */
function errorsOf(request: FastifyRequest, input: LinkFileFormInput) {
  const t = request.t;
  if (input.uploadProblem) {
    const text = t(`people.linkFile.upload.${input.uploadProblem}`, {
      megabytes: maxLinkFileBytes / 1024 / 1024,
    });
    return { summary: [{ text, href: `#${fileField}` }], atField: text };
  }
  const problems = input.problems ?? [];
  if (problems.length === 0) return { summary: [], atField: undefined };
  const atField = t("people.linkFile.upload.refused", { count: input.problemCount ?? problems.length });
  const lines = problems.slice(0, 10).map((problem) => ({
    text: t("people.linkFile.problemAtLine", { line: problem.line, message: problemText(request, problem) }),
    href: "#problems",
  }));
  return { summary: [{ text: atField, href: `#${fileField}` }, ...lines], atField };
}

export function renderLinkFileForm(
  request: FastifyRequest,
  reply: FastifyReply,
  input: LinkFileFormInput = {},
) {
  const errors = errorsOf(request, input);
  const problems = input.problems ?? [];
  const problemCount = input.problemCount ?? problems.length;
  return reply.header("cache-control", "no-store").render("people/workspace/link-file/link-file.njk", {
    title: request.t("people.linkFile.title"),
    action: linkFilePath,
    fileField,
    maxMegabytes: maxLinkFileBytes / 1024 / 1024,
    columns: peopleFileColumns.map((name) => ({ name, text: request.t(`people.linkFile.columns.${name}`) })),
    problems: problemRows(request, problems),
    unlistedProblems: Math.max(0, problemCount - problems.length),
    errors: errors.summary,
    errorsByField: errors.atField ? { [fileField]: errors.atField } : {},
  });
}

export function renderLinkFileResult(
  request: FastifyRequest,
  reply: FastifyReply,
  result: { id: string; summary: PeopleFileSummary },
) {
  const { summary } = result;
  const number = (value: number) => formatNumber(value, request.locale);
  return reply.header("cache-control", "no-store").render("people/workspace/link-file/link-file-result.njk", {
    title: request.t("people.linkFile.result.title"),
    summaryRows: [
      { key: "records", value: number(summary.records) },
      { key: "candidatePairs", value: number(summary.candidatePairs) },
      { key: "links", value: number(summary.links) },
      { key: "reviewPairs", value: number(summary.reviewPairs) },
      { key: "clusters", value: number(summary.clusters) },
      { key: "singletons", value: number(summary.singletons) },
      { key: "seconds", value: formatNumber(summary.seconds, request.locale, { maximumFractionDigits: 2 }) },
    ].map((figure) => ({
      key: { text: request.t(`people.linkFile.result.${figure.key}`) },
      value: { text: figure.value },
    })),
    pairsHref: resultPath(result.id, "pairs"),
    clustersHref: resultPath(result.id, "clusters"),
    againHref: linkFilePath,
  });
}
