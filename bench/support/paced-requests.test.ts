import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { pacedRequests } from "./paced-requests.js";

/** A server that answers each request after `delayMs`, one request at a time per connection. */
async function serverAnswering(delayMs: number): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = http.createServer((request, response) => {
    request.resume();
    request.on("end", () => setTimeout(() => response.end("{}"), delayMs));
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
  async function pacedAgainst(delayMs: number, pace: { rate: number; seconds: number; connections: number }) {
    const server = await serverAnswering(delayMs);
    close = server.close;
    return pacedRequests({ origin: server.origin, request: post, ...pace });
  }

  it("sends every request at its time and counts each answer", async () => {
    const result = await pacedAgainst(0, { rate: 200, seconds: 0.5, connections: 4 });
    expect(result.ok).toBe(100);
    expect(result.failures).toEqual({});
    // The last request is due at 495 ms: the run cannot end before it.
    expect(result.seconds).toBeGreaterThanOrEqual(0.495);
    expect(result.latency.p50).toBeLessThan(50);
  });

  it("counts a request's wait for a free connection in its latency", async () => {
    // One connection answering in 50 ms serves 20 a second; 100 a second fall due, so they queue.
    const result = await pacedAgainst(50, { rate: 100, seconds: 0.3, connections: 1 });
    expect(result.ok).toBe(30);
    // The 30th request, due at 290 ms, is answered after 30 answers of 50 ms: about 1.2 s late.
    expect(result.latency.max).toBeGreaterThan(1_000);
    expect(result.latency.p50).toBeGreaterThan(300);
  });
});
