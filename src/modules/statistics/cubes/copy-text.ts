import { finished } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { driverConnection, type Queryable } from "../../../platform/db/index.js";

const BACKSLASH = 92;
const TAB = 9;
const LF = 10;
const CR = 13;

/** A value of COPY's text format: `\N` for null, and backslash, tab and line ends escaped. */
export function copyValue(value: string | null | undefined): string {
  if (value === null || value === undefined) return "\\N";
  // Most values are short codes and dates: a look at each character costs less than a pattern.
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === BACKSLASH || code === TAB || code === LF || code === CR) return escaped(value);
  }
  return value;
}

function escaped(value: string): string {
  return value.replace(/[\\\t\n\r]/g, (char) =>
    char === "\\" ? "\\\\" : char === "\t" ? "\\t" : char === "\n" ? "\\n" : "\\r",
  );
}

interface EmbeddedClient {
  query(text: string, params: unknown[], options: { blob: Blob }): Promise<unknown>;
}

/**
 * Loads lines of COPY text into `target` ("table (column, ...)") through one connection: a
 * `pg.Client` (a server transaction's, or one of its own) streams them with `COPY ... FROM STDIN`,
 * the embedded database takes them as a blob (`COPY ... FROM '/dev/blob'`). Statements sent on the
 * connection afterwards wait for the COPY.
 */
export function copyLinesInto(connection: unknown, target: string, lines: string): Promise<unknown> {
  if (connection instanceof pg.Pool) throw new Error("COPY needs one connection, not a pool");
  if (connection instanceof pg.Client) {
    const stream = connection.query(copyFrom(`copy ${target} from stdin`));
    stream.end(lines);
    return finished(stream);
  }
  return (connection as EmbeddedClient).query(`copy ${target} from '/dev/blob'`, [], {
    blob: new Blob([lines]),
  });
}

/** The connection under `tx`, for `copyLinesInto`; `tx` must be a transaction (or the embedded database). */
export function copyConnection(tx: Queryable): unknown {
  const connection = driverConnection(tx);
  if (connection instanceof pg.Pool) throw new Error("COPY runs inside a transaction");
  return connection;
}
