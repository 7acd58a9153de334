import { Socket } from "node:net";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.js";
import { countStatements } from "../../../test/support/statement-counter.js";
import { pipelinedTransaction, queryRows, queryRowsPrepared } from "./index.js";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await database.raw.exec("create table pipeline_probe (id int primary key, note text not null)");
});
afterAll(async () => {
  await database.destroy();
});
beforeEach(async () => {
  await database.raw.query("delete from pipeline_probe");
});

const insert = (id: number, note: string | null) =>
  sql`insert into pipeline_probe (id, note) values (${id}, ${note}) returning id`;
const notes = async () =>
  (await database.raw.query<{ id: number; note: string }>("select id, note from pipeline_probe order by id"))
    .rows;

describe("pipelinedTransaction", () => {
  it("commits what the statements sent together write, each answering its own", async () => {
    const answers = await pipelinedTransaction(database.db, (tx) =>
      Promise.all([
        queryRowsPrepared<{ id: number }>(tx, insert(1, "one")),
        queryRowsPrepared<{ id: number }>(tx, insert(2, "two")),
        queryRows<{ n: number }>(tx, sql`select count(*)::int as n from pipeline_probe`),
      ]),
    );
    expect(answers).toEqual([[{ id: 1 }], [{ id: 2 }], [{ n: 2 }]]);
    expect(await notes()).toEqual([
      { id: 1, note: "one" },
      { id: 2, note: "two" },
    ]);
  });

  it("leaves nothing written when one statement fails, and its connection serves the next", async () => {
    const failing = pipelinedTransaction(database.db, (tx) =>
      Promise.all([queryRowsPrepared(tx, insert(1, "one")), queryRowsPrepared(tx, insert(2, null))]),
    );
    await expect(failing).rejects.toThrow();
    expect(await notes()).toEqual([]);
    // As many transactions as the pool has connections: none was left in an aborted transaction.
    for (let id = 3; id < 9; id++) {
      await pipelinedTransaction(database.db, (tx) => queryRowsPrepared(tx, insert(id, "later")));
    }
    expect((await notes()).map(({ id }) => id)).toEqual([3, 4, 5, 6, 7, 8]);
  });

  it("rolls back when the work throws after its statements succeeded", async () => {
    const refused = new Error("refused");
    await expect(
      pipelinedTransaction(database.db, async (tx) => {
        await queryRowsPrepared(tx, insert(1, "one"));
        throw refused;
      }),
    ).rejects.toBe(refused);
    expect(await notes()).toEqual([]);
  });
});

describe("pipelinedTransaction's COMMIT sent with the last statement", () => {
  it("commits what the statements wrote, the last one included", async () => {
    const answer = await pipelinedTransaction(database.db, async (tx, pipeline) => {
      await queryRowsPrepared(tx, insert(1, "one"));
      pipeline.commitWithNextStatement();
      return queryRowsPrepared<{ id: number }>(tx, insert(2, "two"));
    });
    expect(answer).toEqual([{ id: 2 }]);
    expect((await notes()).map(({ id }) => id)).toEqual([1, 2]);
  });

  it("leaves nothing written when the last statement fails, and its connection serves the next", async () => {
    const failing = pipelinedTransaction(database.db, async (tx, pipeline) => {
      await queryRowsPrepared(tx, insert(1, "one"));
      pipeline.commitWithNextStatement();
      await queryRowsPrepared(tx, insert(2, null));
    });
    await expect(failing).rejects.toThrow();
    expect(await notes()).toEqual([]);
    for (let id = 3; id < 9; id++) {
      await pipelinedTransaction(database.db, async (tx, pipeline) => {
        pipeline.commitWithNextStatement();
        await queryRowsPrepared(tx, insert(id, "later"));
      });
    }
    expect((await notes()).map(({ id }) => id)).toEqual([3, 4, 5, 6, 7, 8]);
  });

  it("commits after the work when no statement follows the call", async () => {
    await pipelinedTransaction(database.db, async (tx, pipeline) => {
      await queryRowsPrepared(tx, insert(1, "one"));
      pipeline.commitWithNextStatement();
    });
    expect((await notes()).map(({ id }) => id)).toEqual([1]);
  });

  it("rolls back when the work throws before the last statement went out", async () => {
    const refused = new Error("refused");
    await expect(
      pipelinedTransaction(database.db, async (tx, pipeline) => {
        await queryRowsPrepared(tx, insert(1, "one"));
        pipeline.commitWithNextStatement();
        throw refused;
      }),
    ).rejects.toBe(refused);
    expect(await notes()).toEqual([]);
  });
});

describe.runIf(process.env.KARVAN_TEST_DB === "postgres")("pipelinedTransaction on a server", () => {
  it("fails, without an unhandled rejection, when the connection dies under the COMMIT sent with the last statement", async () => {
    const dying = pipelinedTransaction(database.db, async (tx, pipeline) => {
      await queryRowsPrepared(tx, insert(1, "one"));
      pipeline.commitWithNextStatement();
      // The last statement ends its own connection: it and the COMMIT behind it both fail.
      const last = queryRows(tx, sql`select pg_terminate_backend(pg_backend_pid())`).then(
        () => null,
        (error: unknown) => error,
      );
      // Whatever else the work awaits before it reads the last answer.
      await new Promise((resolve) => setTimeout(resolve, 50));
      const failed = await last;
      if (failed) throw failed;
    });
    await expect(dying).rejects.toThrow();
    expect(await notes()).toEqual([]);
    // The dead connection was not handed back: the next transactions work.
    for (let id = 3; id < 9; id++) {
      await pipelinedTransaction(database.db, (tx) => queryRowsPrepared(tx, insert(id, "later")));
    }
    expect((await notes()).map(({ id }) => id)).toEqual([3, 4, 5, 6, 7, 8]);
  });

  it("sends COMMIT in the last statement's round trip", async () => {
    const counter = countStatements(database);
    try {
      const { statements, roundTrips } = await counter.count(() =>
        pipelinedTransaction(database.db, async (tx, pipeline) => {
          await queryRowsPrepared(tx, insert(1, "one"));
          pipeline.commitWithNextStatement();
          await queryRowsPrepared(tx, insert(2, "two"));
        }),
      );
      expect(statements).toHaveLength(4);
      // begin with the first insert, then the second with commit
      expect(roundTrips).toBe(2);
    } finally {
      counter.restore();
    }
  });

  it("sends BEGIN and the statements issued together in one round trip", async () => {
    const counter = countStatements(database);
    try {
      const { statements, roundTrips } = await counter.count(() =>
        pipelinedTransaction(database.db, (tx) =>
          Promise.all([queryRowsPrepared(tx, insert(1, "one")), queryRowsPrepared(tx, insert(2, "two"))]),
        ),
      );
      expect(statements).toHaveLength(4);
      // begin with both inserts, then commit
      expect(roundTrips).toBe(2);
    } finally {
      counter.restore();
    }
  });

  it("writes BEGIN and the statements issued together to the socket at once", async () => {
    // Every write a socket makes to the kernel goes through one of these two (Node's net.Socket).
    const writes = [vi.spyOn(Socket.prototype, "_write"), vi.spyOn(Socket.prototype, "_writev")];
    try {
      await pipelinedTransaction(database.db, (tx) =>
        Promise.all([
          queryRowsPrepared(tx, insert(1, "one")),
          queryRowsPrepared(tx, insert(2, "two")),
          queryRows(tx, sql`select count(*)::int as n from pipeline_probe`),
        ]),
      );
      // begin with the three statements, then commit
      expect(writes.reduce((sum, spy) => sum + spy.mock.calls.length, 0)).toBe(2);
    } finally {
      for (const spy of writes) spy.mockRestore();
    }
  });

  it("reads, in a statement sent behind a lock, what the lock's holder committed while it waited", async () => {
    const pool = new pg.Pool({ connectionString: database.url, max: 1 });
    const holder = await pool.connect();
    try {
      await holder.query("begin");
      await holder.query("select pg_advisory_xact_lock(4242)");
      await holder.query("insert into pipeline_probe (id, note) values (1, 'committed while waiting')");
      const reading = pipelinedTransaction(database.db, async (tx) => {
        const [, seen] = await Promise.all([
          queryRowsPrepared(tx, sql`select pg_advisory_xact_lock(4242)`),
          queryRowsPrepared<{ note: string }>(tx, sql`select note from pipeline_probe`),
        ]);
        return seen;
      });
      await vi.waitFor(
        async () => {
          const { rows } = await database.raw.query<{ n: number }>(
            `select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted
            and database = (select oid from pg_database where datname = current_database())`,
          );
          expect(rows[0]?.n).toBe(1);
        },
        { timeout: 10_000, interval: 20 },
      );
      await holder.query("commit");
      expect(await reading).toEqual([{ note: "committed while waiting" }]);
    } finally {
      holder.release();
      await pool.end();
    }
  });
});
