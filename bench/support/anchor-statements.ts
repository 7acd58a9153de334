/**
 * The anchor's transaction as statements a server can send: pgbench's script without its `\set`
 * lines and without BEGIN and END (the sender wraps them in a transaction of its own).
 */
export function anchorStatements(script: string): string[] {
  return script
    .split(/;\s*\n/)
    .map((statement) => statement.trim())
    .filter(
      (statement) => statement !== "" && !statement.startsWith("\\") && !/^(BEGIN|END)$/i.test(statement),
    );
}

/**
 * A statement with pgbench's variables replaced by their values, as pgbench does in its default
 * (simple) protocol: `:name` where the colon is not part of a cast (`::uuid`) and `name` is a
 * variable; any other `:word` (inside JSON text, say) stays as written, as pgbench leaves it.
 */
export function withVariables(statement: string, values: Record<string, number | string>): string {
  return statement.replace(/(?<!:):([A-Za-z_][A-Za-z0-9_]*)/g, (written, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : written,
  );
}
