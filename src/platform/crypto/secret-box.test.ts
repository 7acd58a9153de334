import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SecretBox } from "./secret-box.js";

describe("SecretBox", () => {
  const box = new SecretBox("k".repeat(40), "tests");

  it("opens what it sealed, for any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (plain) => {
        expect(box.open(box.seal(plain))).toBe(plain);
      }),
    );
  });

  it("never seals the same text the same way, and refuses a changed or foreign box", () => {
    const sealed = box.seal("JBSWY3DPEHPK3PXP");
    expect(box.seal("JBSWY3DPEHPK3PXP")).not.toBe(sealed);
    const [version, iv, tag, body = ""] = sealed.split(".");
    const flipped = `${body.startsWith("A") ? "B" : "A"}${body.slice(1)}`;
    expect(() => box.open([version, iv, tag, flipped].join("."))).toThrow();
    expect(() => new SecretBox("k".repeat(40), "other-purpose").open(sealed)).toThrow();
    expect(() => new SecretBox("j".repeat(40), "tests").open(sealed)).toThrow();
  });
});
