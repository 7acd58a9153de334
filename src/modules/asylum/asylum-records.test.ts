import { describe, expect, it } from "vitest";
import { type CaseStanding, CaseTypeRegistry } from "../cases/index.js";
import { familyMemberSlotOf, recordsOfCase } from "../statistics/facts/records-of-case.js";
import { asylum } from "./case-types/asylum.js";
import { asylumAnswers, familyAnswers } from "./test-support/asylum-answers.js";

const definition = new CaseTypeRegistry([asylum]).get("asylum", 1);
const legalDate = (at: Date) => at.toISOString().slice(0, 10);

/** A registered asylum case with these answers; only what the records read is filled in. */
function registered(answers: Record<string, unknown>): CaseStanding {
  return {
    id: "00000000-0000-0000-0000-000000000009",
    typeCode: "asylum",
    submittedAt: "2026-02-02T08:00:00.000Z",
    legalStartDate: "2026-02-02",
    answers: asylumAnswers(answers),
    deadlineDate: "2026-05-01",
  } as unknown as CaseStanding;
}

const unaccompanied = (answers: Record<string, unknown>) =>
  recordsOfCase(registered(answers), [], definition, legalDate)[0]?.unaccompanied;

describe("the application record of an asylum case", () => {
  it("is an unaccompanied minor's only while the applicant is under 18 on the day it was lodged", () => {
    expect(unaccompanied({ unaccompaniedMinor: "yes", birthDate: "2008-02-03" })).toBe(true);
    // Eighteen on 2 February 2026: an adult, as the import refuses the same claim (not_a_minor).
    expect(unaccompanied({ unaccompaniedMinor: "yes", birthDate: "2008-02-02" })).toBe(false);
    expect(unaccompanied({ unaccompaniedMinor: "no", birthDate: "2012-01-01" })).toBe(false);
    expect(unaccompanied({ unaccompaniedMinor: "yes", birthDate: undefined })).toBe(true);
  });

  it("is pending, with no decision, until a decision is issued", () => {
    const records = recordsOfCase(registered({}), [], definition, legalDate);
    expect(records.map(({ kind, endDate, deadline }) => ({ kind, endDate, deadline }))).toEqual([
      { kind: "application", endDate: null, deadline: "2026-05-01" },
    ]);
  });
});

describe("the records of an asylum family", () => {
  const applications = (answers: Record<string, unknown>) =>
    recordsOfCase(registered(answers), [], definition, legalDate).filter(
      (record) => record.kind === "application",
    );

  it("give every family member an application of their own, under their own person", () => {
    const records = applications(familyAnswers({ member2Citizenship: undefined }));
    expect(records.map(({ recordId, person }) => [recordId, person.citizenship, person.sex])).toEqual([
      ["case:00000000-0000-0000-0000-000000000009:application", "SY", "M"],
      ["case:00000000-0000-0000-0000-000000000009:family-member:0:application", "SY", "F"],
      ["case:00000000-0000-0000-0000-000000000009:family-member:1:application", "UNK", "M"],
    ]);
    expect(records.map((record) => familyMemberSlotOf(record.recordId))).toEqual([null, 0, 1]);
    expect(new Set(records.map((record) => record.person.personKey)).size).toBe(3);
  });

  it("count a family member only when the members' page applies", () => {
    expect(applications(familyAnswers({ familyMemberCount: "1" }))).toHaveLength(2);
  });

  it("make a minor unaccompanied only without a parent in the case", () => {
    const minorWithSibling = {
      unaccompaniedMinor: "yes",
      birthDate: "2010-05-01",
      familyMemberCount: "1",
      member1FamilyName: "Nuri",
      member1GivenNames: "Mina",
      member1BirthDate: "2014-09-09",
      member1Sex: "F",
      member1Relationship: "sibling",
    };
    expect(applications(minorWithSibling).map((record) => record.unaccompanied)).toEqual([true, true]);
    // An adult sister is not unaccompanied; a minor mother's child is with its parent.
    expect(
      applications({ ...minorWithSibling, member1BirthDate: "2000-01-01" }).map((r) => r.unaccompanied),
    ).toEqual([true, false]);
    expect(
      applications({ ...minorWithSibling, member1Relationship: "child", member1BirthDate: "2025-01-01" }).map(
        (r) => r.unaccompanied,
      ),
    ).toEqual([true, false]);
    // A parent in the case: nobody is unaccompanied.
    expect(
      applications({
        ...minorWithSibling,
        member1Relationship: "parent",
        member1BirthDate: "1980-01-01",
      }).map((r) => r.unaccompanied),
    ).toEqual([false, false]);
  });
});
