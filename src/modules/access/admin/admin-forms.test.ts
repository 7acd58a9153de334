import { describe, expect, it } from "vitest";
import { agencyForm, newRoleForm, newStaffUserForm } from "./admin-forms.js";

/** Names administrators type refuse characters that change the direction of text, marks included. */
describe("administrator forms' names", () => {
  const messageAt = (
    result: { error?: { issues: Array<{ path: PropertyKey[]; message: string }> } },
    field: string,
  ) => result.error?.issues.find((issue) => issue.path[0] === field)?.message;

  it.each(["200F", "200E", "061C", "202E", "2066"])("refuses U+%s in every name", (code) => {
    const mark = String.fromCodePoint(Number.parseInt(code, 16));
    const name = `Bakı${mark} ofisi`;
    expect(
      messageAt(agencyForm.safeParse({ code: "SMS-X", kind: "migration", nameAz: name }), "nameAz"),
    ).toBe("admin.errors.nameAzHidden");
    expect(messageAt(newRoleForm.safeParse({ code: "clerk", nameEn: name }), "nameEn")).toBe(
      "admin.errors.nameEnHidden",
    );
    expect(messageAt(newStaffUserForm.safeParse({ fullName: name }), "fullName")).toBe(
      "admin.errors.fullNameHidden",
    );
  });
});
