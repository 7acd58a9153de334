import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The raw `Set-Cookie` lines, to read the flags a browser would be given. */
  setCookies: string[];
}

type Part = { name: string; value: string } | { name: string; fileName: string; content: Buffer };

/**
 * A browser over plain HTTP that sends paths byte for byte as written (fetch would normalise
 * `/x/..//evil.example/` before it leaves), keeps cookies and the CSRF token of the last page.
 */
export class AttackBrowser {
  private readonly cookies = new Map<string, string>();
  csrfToken: string | undefined;

  constructor(
    readonly baseUrl: string,
    private readonly defaultHeaders: Record<string, string> = {},
  ) {}

  header(answer: Answer, name: string): string {
    const value = answer.headers[name.toLowerCase()];
    return Array.isArray(value) ? value.join(", ") : (value ?? "");
  }

  async send(method: string, path: string, headers: Record<string, string> = {}, body?: Buffer) {
    const base = new URL(this.baseUrl);
    const prefix = base.pathname.replace(/\/$/, "");
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    const all: Record<string, string> = {
      "user-agent": "karvan-attack",
      ...this.defaultHeaders,
      ...(cookie ? { cookie } : {}),
      ...headers,
      ...(body ? { "content-length": String(body.length) } : {}),
    };
    // A request the server refuses to parse is closed without an answer: status 0, nothing served.
    const answer = await new Promise<Answer>((resolve) => {
      const closed = (error: Error) =>
        resolve({ status: 0, headers: {}, body: `connection closed: ${error.message}`, setCookies: [] });
      const send = base.protocol === "https:" ? httpsRequest : httpRequest;
      const outgoing = send(
        {
          host: base.hostname,
          port: base.port || undefined,
          method,
          path: `${prefix}${path}`,
          headers: all,
          // A connection of its own: the server closes one after a request it cannot parse.
          agent: false,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () =>
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: Buffer.concat(chunks).toString("utf8"),
              setCookies: response.headers["set-cookie"] ?? [],
            }),
          );
          response.on("error", closed);
        },
      );
      outgoing.on("error", closed);
      outgoing.end(body);
    });
    this.remember(answer);
    return answer;
  }

  private remember(answer: Answer): void {
    for (const line of answer.setCookies) {
      const [pair = "", ...attributes] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((one) => /^\s*max-age=0\s*$/i.test(one));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(answer.body)?.[1];
    if (token) this.csrfToken = token;
  }

  get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
    return this.send("GET", path, headers);
  }

  /** A form as a browser submits it: url-encoded, with the CSRF token of the last page. */
  post(path: string, fields: Record<string, string | string[]>, headers: Record<string, string> = {}) {
    const body = new URLSearchParams();
    if (this.csrfToken && !("_csrf" in fields)) body.append("_csrf", this.csrfToken);
    for (const [name, value] of Object.entries(fields))
      for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
    return this.send(
      "POST",
      path,
      { "content-type": "application/x-www-form-urlencoded", ...headers },
      Buffer.from(body.toString()),
    );
  }

  /** JSON as the API is called: the CSRF token in a header when a session sends it. */
  json(method: string, path: string, payload?: unknown, headers: Record<string, string> = {}) {
    return this.send(
      method,
      path,
      {
        accept: "application/json",
        ...(payload !== undefined ? { "content-type": "application/json" } : {}),
        ...(this.csrfToken ? { "x-csrf-token": this.csrfToken } : {}),
        ...headers,
      },
      payload !== undefined ? Buffer.from(JSON.stringify(payload)) : undefined,
    );
  }

  multipart(path: string, parts: Part[], headers: Record<string, string> = {}) {
    const boundary = "----KarvanAttackBoundary";
    const chunks: Buffer[] = [];
    for (const part of parts) {
      const disposition =
        "content" in part
          ? `form-data; name="${part.name}"; filename="${part.fileName}"\r\nContent-Type: application/octet-stream`
          : `form-data; name="${part.name}"`;
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n\r\n`));
      chunks.push("content" in part ? part.content : Buffer.from(part.value), Buffer.from("\r\n"));
    }
    chunks.push(Buffer.from(`--${boundary}--\r\n`));
    return this.send(
      "POST",
      path,
      {
        accept: "application/json",
        "content-type": `multipart/form-data; boundary=${boundary}`,
        ...(this.csrfToken ? { "x-csrf-token": this.csrfToken } : {}),
        ...headers,
      },
      Buffer.concat(chunks),
    );
  }
}

/** The error code of a JSON error answer, if it is one. */
export function errorCode(answer: Answer): string | undefined {
  try {
    return (JSON.parse(answer.body) as { error?: { code?: string } }).error?.code;
  } catch {
    return undefined;
  }
}
