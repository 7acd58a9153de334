import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkText, safeName, safeText } from "./text-rules.js";

describe("free-text rules", () => {
  const rules = { maxLength: 10 };

  it("trims and accepts ordinary text in any script, with the LRM/RLM marks", () => {
    expect(checkText("  Şahin Əliyev  ", { maxLength: 40 })).toEqual({ value: "Şahin Əliyev" });
    expect(checkText("Иван\u200Fا", rules)).toEqual({ value: "Иван\u200Fا" });
  });

  it("refuses what is not text, nothing, and only invisible characters", () => {
    expect(checkText(["a"], rules).problem).toBe("notText");
    expect(checkText("   ", rules).problem).toBe("empty");
    expect(checkText("\u200B\u200B\u3164\u2800", rules).problem).toBe("invisibleOnly");
  });

  it("refuses control and bidirectional characters; line breaks only in several lines", () => {
    expect(checkText("abc\u202Egpj", rules).problem).toBe("hiddenCharacters");
    expect(checkText("a\u2066b", rules).problem).toBe("hiddenCharacters");
    expect(checkText("a\u0000b", rules).problem).toBe("hiddenCharacters");
    expect(checkText("a\uD800b", rules).problem).toBe("hiddenCharacters");
    expect(checkText("a\nb", rules).problem).toBe("hiddenCharacters");
    expect(checkText("a\nb", { ...rules, multiline: true })).toEqual({ value: "a\nb" });
    expect(checkText("a\u0007b", { ...rules, multiline: true }).problem).toBe("hiddenCharacters");
  });

  it("counts length in characters, not UTF-16 units", () => {
    expect(checkText("😀".repeat(10), rules).value).toBe("😀".repeat(10));
    expect(checkText("a".repeat(11), rules).problem).toBe("tooLong");
  });

  it("gives a Zod field the message key of each refusal", () => {
    const schema = z.object({
      name: safeText({ max: 5, required: "x.required", hidden: "x.hidden", tooLong: "x.tooLong" }),
    });
    const messageOf = (name: unknown) => schema.safeParse({ name }).error?.issues[0]?.message;
    expect(schema.parse({ name: " Ana " })).toEqual({ name: "Ana" });
    expect(messageOf(undefined)).toBe("x.required");
    expect(messageOf("\u200B\u200C")).toBe("x.required");
    expect(messageOf("A\u202Ena")).toBe("x.hidden");
    expect(messageOf("abcdef")).toBe("x.tooLong");
  });

  it("refuses direction marks and controls in names, which free text allows", () => {
    for (const mark of ["\u200E", "\u200F", "\u061C", "\u202E", "\u2066", "\u2069"]) {
      expect(checkText(`Ana${mark}Li`, { maxLength: 40, name: true }).problem).toBe("hiddenCharacters");
    }
    expect(checkText("Ana\u200FLi", { maxLength: 40 })).toEqual({ value: "Ana\u200FLi" });
    const schema = z.object({ name: safeName({ max: 40, required: "x.required", hidden: "x.hidden" }) });
    expect(schema.safeParse({ name: "Ali\u200Fyev" }).error?.issues[0]?.message).toBe("x.hidden");
    expect(schema.parse({ name: " Əliyev " })).toEqual({ name: "Əliyev" });
  });
});
