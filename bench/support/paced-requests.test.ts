import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { pacedRequests } from "./paced-requests.js";

/**
 * A server that answers each request after `delayMs` (or the delay it gives the nth request), one
 * request at a time per connection; with `cutOff`, every odd request's answer breaks off after its
 * headers.
 */
async function serverAnswering(
  delayMs: number | ((nth: number) => number),
  cutOff = false,
): Promise<{ origin: string; close: () => Promise<void> }> {
  let seen = 0;
  const server = http.createServer((request, response) => {
    request.resume();
    const nth = seen++;
    const odd = nth % 2 === 1;
    request.on("end", () =>
      setTimeout(
        () => {
          if (!(cutOff && odd)) return response.end("{}");
          response.writeHead(200, { "content-length": "100" });
          response.write("{");
          response.socket?.destroy();
        },
        typeof delayMs === "number" ? delayMs : delayMs(nth),
      ),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const post = () => ({
  method: "POST",
  path: "/",
  headers: { "content-type": "application/json" },
  body: "{}",
});

describe("pacedRequests", () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
  });

  /** A paced run of POSTs against a server answering each after `delayMs`. */
  async function pacedAgainst(
    delayMs: number | ((nth: number) => number),
    pace: { rate: number; seconds: number; connections: number },
    cutOff = false,
  ) {
    const server = await serverAnswering(delayMs, cutOff);
    close = server.close;
    return pacedRequests({ origin: server.origin, request: post, ...pace });
  }

  it("sends every request at its time and counts each answer", async () => {
    const result = await pacedAgainst(0, { rate: 200, seconds: 0.5, connections: 4 });
    expect(result.ok).toBe(100);
    expect(result.failures).toEqual({});
    // The last request is due at 495 ms: the run cannot end before it.
    expect(result.seconds).toBeGreaterThanOrEqual(0.495);
    // Counted from when each request fell due, the median answer is quick; counted from the run's
    // start it would be half the run. Judged against the run's own length, which a machine busy
    // with other work stretches as it stretches the answers.
    expect(result.latency.p50).toBeLessThan(result.seconds * 1000 * 0.3);
  });

  it("counts a request's wait for a free connection in its latency", async () => {
    // One connection answering in 50 ms serves 20 a second; 100 a second fall due, so they queue.
    const result = await pacedAgainst(50, { rate: 100, seconds: 0.3, connections: 1 });
    expect(result.ok).toBe(30);
    // The 30th request, due at 290 ms, is answered after 30 answers of 50 ms: about 1.2 s late.
    expect(result.latency.max).toBeGreaterThan(1_000);
    expect(result.latency.p50).toBeGreaterThan(300);
    // That wait is the load generator's own queue: the 29th waits for 28 answers of 50 ms.
    expect(result.connectionWait.p99).toBeGreaterThan(1_000);
  });

  it("tells no wait for a connection when one is always free", async () => {
    const result = await pacedAgainst(0, { rate: 100, seconds: 0.3, connections: 30 });
    expect(result.ok).toBe(30);
    // A timer or a connection's set-up may take some milliseconds on a busy machine, not a queue's 50.
    expect(result.connectionWait.p99).toBeLessThan(50);
  });

  it("gives each second's mean latency, so that a slow stretch shows where it was", async () => {
    // 50 a second over one connection: answered at once in the first second, after 40 ms in the
    // second, where each answer comes after the next request fell due and a queue builds up.
    const result = await pacedAgainst((nth) => (nth < 50 ? 0 : 40), {
      rate: 50,
      seconds: 1.2,
      connections: 1,
    });
    expect(result.ok).toBe(60);
    expect(result.meanBySecond).toHaveLength(2);
    const [first, second] = result.meanBySecond as [number, number];
    expect(second).toBeGreaterThanOrEqual(40);
    expect(second).toBeGreaterThan(first);
  });

  it("counts an answer cut off as a failure, once, and still finishes", async () => {
    const result = await pacedAgainst(0, { rate: 100, seconds: 0.2, connections: 2 }, true);
    expect(result.ok).toBe(10);
    // Node reports the broken connection as the request's error or as an answer cut off.
    const failed = Object.entries(result.failures);
    expect(failed.every(([code]) => code === "error" || code === "aborted")).toBe(true);
    expect(failed.reduce((sum, [, count]) => sum + count, 0)).toBe(10);
  });
});
