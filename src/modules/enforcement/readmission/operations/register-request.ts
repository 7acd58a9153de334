import { randomUUID } from "node:crypto";
import { registerOccurrence } from "../../../people/index.js";
import { agreementForPartner } from "../agreements.js";
import type { ReadmissionContext } from "../readmission-module.js";
import { insertCorrespondence, insertRequest } from "../repository.js";
import { auditReadmission, authorizeReadmission } from "../request-access.js";
import { requestedStateWorkingDay } from "../request-dates.js";
import type { RequestForm } from "../request-form.js";
import { replyDeadline, requestDeadline } from "../time-limits.js";

/**
 * An officer registers a request sent to a partner state (`out`) or received from one (`in`):
 * the agreement's time limits give the request and reply deadlines, the person is entered into the
 * person register, and the correspondence log opens with the request itself. All or nothing.
 */
export async function registerReadmissionRequest(
  context: ReadmissionContext,
  form: RequestForm,
): Promise<string> {
  const userId = await authorizeReadmission(context);
  const agreement = agreementForPartner(form.partnerState);
  if (!agreement) throw new Error("the form schema accepts only partner states of an agreement");
  const workingDay = requestedStateWorkingDay(context, form.direction);
  const id = randomUUID();
  const at = context.clock.now();
  const person = {
    fullName: form.fullName,
    birthDate: form.birthDate,
    placeOfBirth: form.placeOfBirth,
    sex: form.sex,
    citizenship: form.citizenship,
    documentType: form.documentType,
    documentNumber: form.documentNumber,
    lastAddress: form.lastAddress,
    specialCircumstances: form.specialCircumstances,
  };
  return context.db.transaction(async (tx) => {
    const registration = await registerOccurrence(
      tx,
      {
        fullName: form.fullName,
        birthDate: form.birthDate || undefined,
        sex: form.sex || undefined,
        citizenship: form.citizenship || undefined,
        document: form.documentNumber
          ? { number: form.documentNumber, type: form.documentType || undefined }
          : undefined,
      },
      { kind: "record", register: "readmission", recordId: id },
      { thresholds: context.registerThresholds, at },
    );
    await insertRequest(tx, {
      id,
      reference: `RA-${form.direction.toUpperCase()}-${form.transmittedOn.slice(0, 4)}-${id.slice(0, 8).toUpperCase()}`,
      direction: form.direction,
      partnerState: form.partnerState,
      agreementCode: agreement.code,
      procedure: form.procedure,
      category: form.category,
      status: "awaiting_reply",
      personId: registration.personId,
      person,
      partnerAuthority: form.partnerAuthority,
      partnerReference: form.partnerReference || null,
      caseKnownOn: form.caseKnownOn,
      requestDue: requestDeadline(agreement, form.caseKnownOn, workingDay),
      transmittedOn: form.transmittedOn,
      replyDue: replyDeadline(agreement, form.procedure, form.transmittedOn, workingDay),
      responsibleOfficer: userId,
      agencyId: context.principal?.agencyId ?? null,
      createdAt: at,
    });
    await insertCorrespondence(tx, {
      requestId: id,
      kind: "request",
      direction: form.direction === "out" ? "sent" : "received",
      onDate: form.transmittedOn,
      note: form.partnerAuthority,
      recordedBy: userId,
      at,
    });
    await auditReadmission(context, tx, "readmission_request.registered", {
      entityId: id,
      details: { direction: form.direction, partnerState: form.partnerState, band: registration.band },
    });
    return id;
  });
}
