import { type CaseTypeDefinition, type CaseTypeInput, caseTypeSchema } from "./case-type.js";

export class InvalidCaseTypeError extends Error {
  constructor(which: string, problems: string[]) {
    super(`case type ${which} is invalid:\n  - ${problems.join("\n  - ")}`);
    this.name = "InvalidCaseTypeError";
  }
}

/**
 * Every version of every case type, validated once at start-up (a broken definition stops the
 * start, it never reaches a user). New cases start on the latest version; a running case is read
 * with the version it started on.
 */
export class CaseTypeRegistry {
  private readonly byKey = new Map<string, CaseTypeDefinition>();
  private readonly latestByCode = new Map<string, CaseTypeDefinition>();

  constructor(inputs: CaseTypeInput[]) {
    for (const input of inputs) {
      const which = `${String(input.code)} v${String(input.version)}`;
      const parsed = caseTypeSchema.safeParse(input);
      if (!parsed.success) {
        throw new InvalidCaseTypeError(
          which,
          parsed.error.issues.map((issue) => `${issue.path.join(".") || "definition"}: ${issue.message}`),
        );
      }
      const definition = parsed.data;
      const key = `${definition.code}@${definition.version}`;
      if (this.byKey.has(key)) throw new InvalidCaseTypeError(which, ["defined twice"]);
      this.byKey.set(key, definition);
      const latest = this.latestByCode.get(definition.code);
      if (!latest || latest.version < definition.version) this.latestByCode.set(definition.code, definition);
    }
  }

  get(code: string, version: number): CaseTypeDefinition {
    const definition = this.byKey.get(`${code}@${version}`);
    if (!definition) throw new Error(`no case type ${code} version ${version}`);
    return definition;
  }

  latest(code: string): CaseTypeDefinition | undefined {
    return this.latestByCode.get(code);
  }

  /** The current version of each case type, in declaration order. */
  current(): CaseTypeDefinition[] {
    return [...this.latestByCode.values()];
  }
}
