import { accountRateLimits } from "../../account-rate-limits.js";
import {
  applicationRoute,
  attachedDocumentSchema,
  caseParams,
  errorResponses,
  limits,
} from "../api-schemas.js";

export const attachDocumentSchema = {
  ...applicationRoute,
  summary: "Attach a document",
  description:
    "A `multipart/form-data` body with the field `code` (a document requirement of the case type, " +
    "see `requiredDocuments` of the application) and then the field `file`: a PDF, JPEG or PNG " +
    "(checked by its content) of at most 10 MB, stored encrypted. While drafting, any required " +
    "document; once submitted, only those the officer asked for (409 `documents_closed`). A refused " +
    "file answers 415 `document_type_not_allowed` or `document_name_mismatch`, 413 `document_too_large`, " +
    "422 `document_empty`; no file 422 `file_required`; a " +
    "code not needed 422 `unknown_document`. An application holds at most the configured number of " +
    "files and megabytes (409 `case_upload_limit`), and so do an account's applications not yet " +
    "decided together (409 `account_upload_limit`); `details` give the limits (`maxFiles`, `maxBytes`) " +
    `and what is used (\`files\`, \`bytes\`). Each account may upload ${accountRateLimits.uploads.max} files in ` +
    `${accountRateLimits.uploads.windowSeconds / 60} minutes (then 429 \`too_many_uploads\` with \`Retry-After\`). ` +
    `Session callers send the CSRF token in \`x-csrf-token\`. ${limits}`,
  consumes: ["multipart/form-data"],
  params: caseParams,
  response: { 201: attachedDocumentSchema, ...errorResponses },
};
