import { describe, expect, it } from "vitest";
import { anchorStatements, withVariables } from "./anchor-statements.js";

describe("the anchor's statements", () => {
  const script = [
    "\\set a random(1, 2000000000)",
    "\\set b random(1, 2000000000)",
    "BEGIN;",
    "INSERT INTO cases (id) VALUES (md5(:client_id || '-' || :a)::uuid);",
    'INSERT INTO audit_records (request_id, details) VALUES (md5(:a::text),\n  \'{"type":"x"}\');',
    "END;",
    "",
  ].join("\n");

  it("keeps the writes and leaves out the variables' settings and the transaction's bounds", () => {
    expect(anchorStatements(script)).toEqual([
      "INSERT INTO cases (id) VALUES (md5(:client_id || '-' || :a)::uuid)",
      'INSERT INTO audit_records (request_id, details) VALUES (md5(:a::text),\n  \'{"type":"x"}\')',
    ]);
  });

  it("puts in the variables' values and leaves casts alone", () => {
    const [first, second] = anchorStatements(script);
    expect(withVariables(first as string, { a: 17, b: 4, client_id: 3 })).toBe(
      "INSERT INTO cases (id) VALUES (md5(3 || '-' || 17)::uuid)",
    );
    expect(withVariables("select :b::bigint, :bb", { b: 5, bb: 6 })).toBe("select 5::bigint, 6");
    expect(withVariables(second as string, { a: 9 })).toContain("md5(9::text)");
  });

  it("leaves a word after a colon that is no variable as written, as in JSON text", () => {
    expect(withVariables(`select '{"issued":true}', :a`, { a: 1 })).toBe(`select '{"issued":true}', 1`);
  });
});
