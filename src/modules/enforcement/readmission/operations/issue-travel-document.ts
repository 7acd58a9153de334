import type { ReadmissionContext } from "../readmission-module.js";
import { changeRequest } from "./change-request.js";

/** The requested state's travel document for the person, once consent exists. */
export async function recordTravelDocument(
  context: ReadmissionContext,
  id: string,
  document: { onDate: string; number: string },
): Promise<void> {
  await changeRequest(context, id, {
    action: "travel_document_issued",
    from: ["agreed", "deemed_agreed", "transfer_arranged"],
    apply: (request) => ({
      change: { travelDocumentIssuedOn: document.onDate, travelDocumentNumber: document.number },
      log: {
        kind: "travel_document",
        direction: request.direction === "out" ? "received" : "sent",
        onDate: document.onDate,
        note: document.number,
      },
    }),
  });
}
