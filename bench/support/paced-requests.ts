import http from "node:http";
import { performance } from "node:perf_hooks";
import { percentile } from "./scratch-database.js";

/** One request of a paced run. */
export interface PacedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface PacedResult {
  /** Requests answered with 2xx. */
  ok: number;
  /** Requests answered otherwise, by status code ("error" for a failed connection, "aborted" for an answer cut off). */
  failures: Record<string, number>;
  /** From the first request's intended start to the last answer. */
  seconds: number;
  /** Milliseconds from each request's intended start to its answer, over every answered request. */
  latency: { p50: number; p90: number; p99: number; max: number };
  /**
   * Milliseconds from each request's intended start until one of the `connections` took it: the
   * part of its latency spent queued in the load generator, while every connection awaited an answer.
   */
  connectionWait: { p50: number; p99: number };
  /**
   * The mean latency of the requests due in each second of the run, in order: whether a tail comes
   * from a stretch (a queue that built up and drained) or from every second alike.
   */
  meanBySecond: number[];
}

/**
 * Requests at an even pace: request n is due `n / rate` seconds after the start, whatever the
 * answers to the earlier ones (an open load, as arrivals are), over at most `connections` kept-alive
 * connections. Each latency counts from when the request was due, so a request that waited for a
 * free connection, or behind a late timer, carries that wait: the latencies are the ones clients
 * arriving at this rate would see. (autocannon's `overallRate` is not that: it gives each connection
 * a quota per second, sent back to back when the second starts, and back-fills each latency at a
 * 1 ms interval, which weighs every answer by its length.)
 */
export async function pacedRequests(options: {
  origin: string;
  rate: number;
  seconds: number;
  connections: number;
  request: (n: number) => PacedRequest;
}): Promise<PacedResult> {
  const { origin, rate, seconds, connections, request } = options;
  const total = Math.max(1, Math.round(rate * seconds));
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  const bySecond: Array<{ sum: number; count: number }> = [];
  const connectionWaits: number[] = [];
  const failures: Record<string, number> = {};
  let answered = 0;
  let ok = 0;
  let sent = 0;
  const start = performance.now();
  const dueAt = (n: number) => start + (n * 1000) / rate;

  const send = (n: number) => {
    const due = dueAt(n);
    const { method, path, headers, body } = request(n);
    let settled = false;
    // Once per request: a connection that fails after its answer began must not count it twice.
    const finish = (outcome: string | null) => {
      if (settled) return;
      settled = true;
      const latency = performance.now() - due;
      latencies.push(latency);
      const index = Math.floor(n / rate);
      const second = bySecond[index] ?? { sum: 0, count: 0 };
      second.sum += latency;
      second.count++;
      bySecond[index] = second;
      answered++;
      if (outcome === null) ok++;
      else failures[outcome] = (failures[outcome] ?? 0) + 1;
      if (answered === total) done();
    };
    const outgoing = http.request(`${origin}${path}`, { method, headers, agent }, (response) => {
      response.resume();
      // "close" comes whether the answer ended or its connection broke off: neither leaves a request uncounted.
      response.on("close", () => {
        const status = response.statusCode ?? 0;
        if (!response.complete) finish("aborted");
        else finish(status >= 200 && status < 300 ? null : String(status));
      });
    });
    outgoing.once("socket", () => connectionWaits.push(performance.now() - due));
    outgoing.setTimeout(30_000, () => outgoing.destroy(new Error("no answer in 30 s")));
    outgoing.on("error", () => finish("error"));
    outgoing.end(body);
  };

  let done: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => {
    done = resolve;
  });
  // Sends what has fallen due, then sleeps until the next one is due: a late wake-up's delay counts
  // in the latencies, and the generator wakes no more often than requests fall due.
  const tick = () => {
    const now = performance.now();
    while (sent < total && dueAt(sent) <= now) send(sent++);
    if (sent < total) setTimeout(tick, Math.max(0, dueAt(sent) - performance.now()));
  };
  tick();
  await finished;
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    ok,
    failures,
    seconds: elapsed,
    latency: {
      p50: round(percentile(latencies, 0.5)),
      p90: round(percentile(latencies, 0.9)),
      p99: round(percentile(latencies, 0.99)),
      max: round(percentile(latencies, 1)),
    },
    connectionWait: {
      p50: round(percentile(connectionWaits, 0.5)),
      p99: round(percentile(connectionWaits, 0.99)),
    },
    meanBySecond: Array.from(bySecond, (second) => round(second ? second.sum / second.count : Number.NaN)),
  };
}
