import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.js";
import { ManualClock } from "../../../platform/clock/index.js";
import {
  attachDocument,
  saveAnswers,
  startApplication,
  submitApplication,
  transitionCase,
} from "../../cases/index.js";
import {
  type ProcedureTestBed,
  procedureTestBed,
  storedFile,
  submitCompleteApplication,
} from "./procedure-test-bed.js";

const clock = new ManualClock("2026-02-02T06:00:00Z"); // Monday 10:00 in Baku
let app: TestApp;
let bed: ProcedureTestBed;

const guest = {
  guestFullName: "Amina Rahimova",
  guestBirthDate: "1990-05-17",
  guestCitizenship: "TR",
  guestPassportNumber: "U12345678",
};
const stay = (accommodation: "hotel" | "dwelling") => ({
  arrivalDate: "2026-01-28",
  departureDate: "2026-03-20",
  accommodation,
  hostName: "Caspian Hotel",
  stayAddress: { street: "Neftçilər prospekti 1", city: "Bakı", region: "AZ-BA", postcode: "AZ1000" },
});

beforeAll(async () => {
  app = await createTestApp({ clock });
  bed = await procedureTestBed(app.karvan.cases, app.karvan.database.db);
});
afterAll(async () => {
  await app?.close();
});

describe("registration at the place of stay", () => {
  it("is registered by the host on submission, free, with a confirmation valid until departure", async () => {
    const registered = await submitCompleteApplication(bed.as(bed.host), "stay-registration", {
      guest,
      stay: stay("hotel"),
    });
    expect(registered).toMatchObject({
      state: "registered",
      category: "decided",
      feePaid: false,
      deadlineDate: null,
      applicantUserId: bed.host.userId,
    });
    expect(registered.number).toMatch(/^REG-2026-\d{6}$/);
    // A hotel sends the passport details; no copies are needed.
    expect(registered.documents).toEqual([]);
    expect(registered.decision).toMatchObject({
      outcome: "registered",
      issued: true,
      draftedBy: null,
      validFrom: "2026-02-02",
      validTo: "2026-03-20",
    });
    expect(registered.decision?.documentNumber).toMatch(/^REGP-2026-\d{6}$/);
  });

  it("asks for copies of the passport and of the lease or ownership document when the guest stays in a home", async () => {
    const context = bed.as(bed.host);
    let draft = await startApplication(context, "stay-registration");
    draft = await saveAnswers(context, draft.id, draft.lastSeq, "guest", guest);
    draft = await saveAnswers(context, draft.id, draft.lastSeq, "stay", stay("dwelling"));
    await expect(submitApplication(context, draft.id)).rejects.toMatchObject({
      code: "documents_missing",
      details: { missing: ["guest-passport", "dwelling-document"] },
    });
    draft = await attachDocument(context, draft.id, "guest-passport", storedFile("passport"));
    draft = await attachDocument(context, draft.id, "dwelling-document", storedFile("lease"));
    const registered = await submitApplication(context, draft.id);
    expect(registered).toMatchObject({ state: "registered", decision: { outcome: "registered" } });
  });

  it("refuses an arrival date in the future and an applicant who is not a host", async () => {
    const context = bed.as(bed.host);
    const draft = await startApplication(context, "stay-registration");
    await expect(
      saveAnswers(context, draft.id, draft.lastSeq, "stay", { ...stay("hotel"), arrivalDate: "2026-02-10" }),
    ).rejects.toMatchObject({
      code: "answers_invalid",
      details: { problems: [{ field: "arrivalDate", messageKey: "cases.answers.datePast" }] },
    });
    await expect(startApplication(bed.as(bed.foreigner), "stay-registration")).rejects.toMatchObject({
      status: 403,
    });
  });

  it("can be annulled by an officer, not by the host", async () => {
    const registered = await submitCompleteApplication(bed.as(bed.host), "stay-registration", {
      guest,
      stay: stay("hotel"),
    });
    await expect(
      transitionCase(bed.as(bed.host), registered.id, registered.lastSeq, "annul"),
    ).rejects.toMatchObject({ status: 403 });
    const annulled = await transitionCase(bed.as(bed.officer), registered.id, registered.lastSeq, "annul");
    expect(annulled).toMatchObject({ state: "annulled", category: "closed" });
  });
});
