import type { FastifyReply, FastifyRequest } from "fastify";
import { renderPdf } from "../../../../platform/pdf/index.js";
import { readRequest } from "../operations/read-request.js";
import { partnerName, shownDate } from "../page-values.js";
import type { ReadmissionModule } from "../readmission-module.js";
import { agreementOf } from "../request-dates.js";

/**
 * GET /readmission/:id/form.pdf: the agreement's common request form filled from the request, in
 * the officer's language, to send to (or file from) the partner's authority. The export is audited.
 */
export async function downloadRequestForm(
  module: ReadmissionModule,
  request: FastifyRequest<{ Params: { id: string } }>,
  reply: FastifyReply,
) {
  const { t } = request;
  const file = await readRequest(module.contextFor(request), request.params.id, "exported");
  const one = file.request;
  const agreement = agreementOf(one);
  const person = one.person;
  const line = (label: string, value: string) => [{ text: label, bold: true }, value || "—"];
  const requesting =
    one.direction === "out" ? t("readmission.pdf.azerbaijan") : partnerName(request, one.partnerState);
  const requested =
    one.direction === "out" ? partnerName(request, one.partnerState) : t("readmission.pdf.azerbaijan");
  const pdf = await renderPdf({
    info: { title: `${t("readmission.pdf.title")} ${one.reference}` },
    pageSize: "A4",
    pageMargins: [48, 48, 48, 48],
    defaultStyle: { fontSize: 10 },
    content: [
      { text: t("readmission.pdf.title"), fontSize: 16, bold: true, margin: [0, 0, 0, 4] },
      { text: agreement.title[request.locale], italics: true, margin: [0, 0, 0, 12] },
      {
        table: {
          widths: [170, "*"],
          body: [
            line(t("readmission.fields.reference"), one.reference),
            line(t("readmission.pdf.requesting"), requesting),
            line(t("readmission.pdf.requested"), requested),
            line(t("readmission.fields.partnerAuthority"), one.partnerAuthority),
            line(t("readmission.fields.partnerReference"), one.partnerReference ?? ""),
            line(t("readmission.fields.procedure"), t(`readmission.procedure.${one.procedure}`)),
            line(t("readmission.fields.category"), t(`readmission.categories.${one.category}`)),
            line(t("readmission.fields.transmittedOn"), shownDate(request, one.transmittedOn)),
          ],
        },
        layout: "lightHorizontalLines",
      },
      { text: t("readmission.newRequest.person"), fontSize: 13, bold: true, margin: [0, 14, 0, 6] },
      {
        table: {
          widths: [170, "*"],
          body: [
            line(t("readmission.fields.fullName"), person.fullName),
            line(
              t("readmission.fields.birthDate"),
              person.birthDate ? shownDate(request, person.birthDate) : "",
            ),
            line(t("readmission.fields.placeOfBirth"), person.placeOfBirth),
            line(t("readmission.fields.sex"), person.sex ? t(`readmission.sex.${person.sex}`) : ""),
            line(t("readmission.fields.citizenship"), person.citizenship),
            line(
              t("readmission.fields.documentType"),
              t(`readmission.documentTypes.${person.documentType || "none"}`),
            ),
            line(t("readmission.fields.documentNumber"), person.documentNumber),
            line(t("readmission.fields.lastAddress"), person.lastAddress),
            line(t("readmission.fields.specialCircumstances"), person.specialCircumstances),
          ],
        },
        layout: "lightHorizontalLines",
      },
      { text: t("readmission.request.evidence"), fontSize: 13, bold: true, margin: [0, 14, 0, 6] },
      file.evidence.length
        ? {
            ul: file.evidence.map(
              (item) => `${t(`readmission.evidence.${item.evidenceKind}`)}: ${item.fileName}`,
            ),
          }
        : { text: t("readmission.request.noEvidence") },
    ],
  });
  return reply
    .header("cache-control", "private, no-store")
    .header("content-disposition", `attachment; filename="${one.reference}.pdf"`)
    .type("application/pdf")
    .send(pdf);
}
