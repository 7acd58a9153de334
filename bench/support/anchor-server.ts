import { randomInt } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import pg from "pg";
import { anchorStatements, withVariables } from "./anchor-statements.js";

/**
 * The floor under the registration benchmark (`BENCH_SERVER=floor-statements|floor-one`): a bare
 * Node.js HTTP server that answers each `POST` with the anchor's own transaction and nothing else.
 * No validation, checks, register matching, audit or statistics: what any Node.js server in front
 * of these writes pays on the same machine. It reads the request's body (JSON.parse) and answers
 * 201, as Karvan does; the writes are pgbench's, with its variables drawn per request as pgbench
 * draws them per transaction.
 *
 * FLOOR_TRIPS=statements sends each statement in its own round trip, as pgbench does (its default,
 * simple protocol); FLOOR_TRIPS=one sends the whole transaction in one. Set by the benchmark:
 * DATABASE_URL, PORT, FLOOR_SCRIPT (pgbench's script), FLOOR_CONNECTIONS.
 */
const statements = anchorStatements(readFileSync(process.env.FLOOR_SCRIPT as string, "utf8"));
const oneTrip = process.env.FLOOR_TRIPS === "one";
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.FLOOR_CONNECTIONS ?? 16),
});
let transactions = 0;
/** Each failure's message once: the benchmark counts the failed answers. */
const failuresSeen = new Set<string>();

async function registerOnce(): Promise<void> {
  const values = {
    a: randomInt(1, 2_000_000_000),
    b: randomInt(1, 2_000_000_000),
    client_id: transactions++ % 1000,
  };
  const bound = statements.map((statement) => withVariables(statement, values));
  const client = await pool.connect();
  try {
    if (oneTrip) {
      await client.query(["BEGIN", ...bound, "COMMIT"].join(";\n"));
    } else {
      await client.query("BEGIN");
      for (const statement of bound) await client.query(statement);
      await client.query("COMMIT");
    }
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

http
  .createServer((request, response) => {
    if (request.url === "/ready") {
      response.end("ready");
      return;
    }
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => {
      body += chunk;
    });
    request.on("end", () => {
      Promise.resolve()
        .then(() => JSON.parse(body))
        .then(registerOnce)
        .then(
          () => {
            response.writeHead(201, { "content-type": "application/json" });
            response.end('{"registered":true}');
          },
          (error: Error) => {
            if (!failuresSeen.has(error.message)) process.stderr.write(`anchor server: ${error.message}\n`);
            failuresSeen.add(error.message);
            response.writeHead(500);
            response.end();
          },
        );
    });
  })
  .listen(Number(process.env.PORT), "127.0.0.1");
