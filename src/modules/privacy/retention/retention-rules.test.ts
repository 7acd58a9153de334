import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { caseRetentionYears, loadRetentionRules, type RetentionRules } from "./retention-rules.js";

const dir = mkdtempSync(path.join(tmpdir(), "karvan-retention-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fileWith(change: (rules: RetentionRules) => void): string {
  const rules = structuredClone(loadRetentionRules("AZ"));
  change(rules);
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(rules));
  return file;
}

describe("retention rules", () => {
  it("ships Azerbaijan's defaults, every period marked as the data controller's to set", () => {
    const rules = loadRetentionRules("AZ");
    expect(rules.drafts).toMatchObject({ removeAfterDays: 30, noticeDaysBefore: 7 });
    expect(rules.unverifiedAccounts.removeAfterDays).toBe(7);
    expect(caseRetentionYears(rules, "stay-registration")).toBe(1);
    expect(caseRetentionYears(rules, "work-permit")).toBe(5);
    for (const kind of [
      "drafts",
      "unverifiedAccounts",
      "closedCases",
      "documents",
      "audit",
      "statistics",
    ] as const)
      expect(rules[kind].basis.kind).toBe("controller");
  });

  it("reads an operator's file and refuses a wrong one with the setting named", () => {
    const longer = fileWith((rules) => {
      rules.drafts.removeAfterDays = 60;
      rules.closedCases.byProcedure["work-permit"] = { anonymiseAfterYears: 8 };
    });
    const rules = loadRetentionRules("AZ", longer);
    expect(rules.drafts.removeAfterDays).toBe(60);
    expect(caseRetentionYears(rules, "work-permit")).toBe(8);

    const documentsLast = fileWith((rules) => {
      rules.documents.removeAfterYears = 3;
    });
    expect(() => loadRetentionRules("AZ", documentsLast)).toThrow(
      /documents\.removeAfterYears: must be shorter than the shortest case period \(1 years\)/,
    );
    const noticeTooLong = fileWith((rules) => {
      rules.drafts.noticeDaysBefore = 30;
    });
    expect(() => loadRetentionRules("AZ", noticeTooLong)).toThrow(/drafts\.noticeDaysBefore/);
    const auditDeleted = fileWith((rules) => {
      (rules.audit as { keepYears: number | null }).keepYears = 2;
    });
    expect(() => loadRetentionRules("AZ", auditDeleted)).toThrow(/audit\.keepYears/);
    expect(() => loadRetentionRules("AZ", path.join(dir, "missing.json"))).toThrow(/does not exist/);
    expect(() => loadRetentionRules("FR")).toThrow(/no retention defaults for FR: set KARVAN_RETENTION_FILE/);
  });
});
