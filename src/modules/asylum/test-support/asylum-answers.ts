/**
 * Answers of an asylum registration, as an officer enters them: a single adult unless told
 * otherwise. Used by tests and demo data only.
 */
export function asylumAnswers(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    lodgedAt: "territory",
    applicationKind: "first",
    accelerated: "no",
    placeOfStay: { street: "Nizami küçəsi 10", city: "Bakı", region: "AZ-BA", postcode: "AZ1000" },
    familyName: "Haddad",
    givenNames: "Omar",
    birthDate: "1988-04-12",
    sex: "M",
    stateless: "no",
    citizenship: "SY",
    hasDocument: "yes",
    documentNumber: "N01234567",
    familyMemberCount: "0",
    unaccompaniedMinor: "no",
    languages: "Arabic",
    interpreterNeeded: "yes",
    interpreterLanguage: "Arabic",
    vulnerable: "no",
    ...overrides,
  };
}

/** A family: the applicant with a spouse and a child of five. */
export function familyAnswers(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return asylumAnswers({
    familyMemberCount: "2",
    member1FamilyName: "Haddad",
    member1GivenNames: "Lina",
    member1BirthDate: "1990-09-30",
    member1Sex: "F",
    member1Relationship: "spouse",
    member1Citizenship: "SY",
    member2FamilyName: "Haddad",
    member2GivenNames: "Sami",
    member2BirthDate: "2021-02-14",
    member2Sex: "M",
    member2Relationship: "child",
    ...overrides,
  });
}
