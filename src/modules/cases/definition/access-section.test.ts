import { describe, expect, it } from "vitest";
import { protectedProcedure } from "../test-support/protected-case-type.js";
import { samplePermit } from "../test-support/sample-case-type.js";
import { CaseTypeRegistry } from "./registry.js";

const problemsOf = (access: unknown, applicants: string[] = ["staff"]) => {
  try {
    new CaseTypeRegistry([{ ...protectedProcedure, applicants, access } as never]);
    return "";
  } catch (error) {
    return String(error);
  }
};

describe("the access section of a case type", () => {
  it("is optional, and the protected test type is valid", () => {
    expect(() => new CaseTypeRegistry([samplePermit, protectedProcedure])).not.toThrow();
  });

  it("refuses a staff-registered type without access.register", () => {
    expect(problemsOf(undefined)).toContain('applicants "staff" needs access.register');
    expect(problemsOf({ read: "asylum.read" })).toContain("needs access.register");
  });

  it("refuses unknown permissions and sensitive answers the form does not ask", () => {
    expect(problemsOf({ register: "asylum.nonsense" })).toContain("unknown permission asylum.nonsense");
    expect(
      problemsOf({
        register: "asylum.register",
        sensitive: { permission: "asylum.sensitive", answers: ["health"] },
      }),
    ).toContain("access.sensitive: unknown answer health");
    expect(problemsOf({ register: "asylum.register", other: true })).toContain("other");
  });
});
