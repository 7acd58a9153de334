import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";

/**
 * A browser stand-in over Fastify's inject: keeps cookies, remembers the CSRF token of the last
 * page it loaded and sends it with forms, as a real browser submitting our forms would.
 */
export class TestClient {
  private readonly cookies = new Map<string, string>();
  csrfToken: string | undefined;

  constructor(private readonly server: FastifyInstance) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  private remember(response: LightMyRequestResponse): void {
    for (const cookie of response.cookies as Array<{
      name: string;
      value: string;
      maxAge?: number;
      expires?: Date;
    }>) {
      const expired = cookie.maxAge === 0 || (cookie.expires && cookie.expires.getTime() <= Date.now());
      if (expired || cookie.value === "") this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
    if (token) this.csrfToken = token;
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const response = await this.server.inject({
      method: "GET",
      url,
      headers: { cookie: this.cookieHeader(), ...headers },
    });
    this.remember(response);
    return response;
  }

  /** Submits a form as a browser would: url-encoded, with the CSRF token of the last page. */
  async post(url: string, fields: Record<string, string | string[]> = {}, options: { csrf?: boolean } = {}) {
    const body = new URLSearchParams();
    if (options.csrf !== false && this.csrfToken && !("_csrf" in fields))
      body.append("_csrf", this.csrfToken);
    for (const [name, value] of Object.entries(fields)) {
      for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
    }
    const response = await this.server.inject({
      method: "POST",
      url,
      headers: { cookie: this.cookieHeader(), "content-type": "application/x-www-form-urlencoded" },
      payload: body.toString(),
    });
    this.remember(response);
    return response;
  }

  /**
   * Submits a form with files as a browser would (multipart/form-data): the CSRF token of the last
   * page first, then the parts in order; a part with `content` is a file.
   */
  async postMultipart(
    url: string,
    parts: Array<{ name: string; value: string } | { name: string; fileName: string; content: Buffer }>,
  ) {
    const boundary = "----KarvanTestClientBoundary";
    const chunks: Buffer[] = [];
    const all = this.csrfToken ? [{ name: "_csrf", value: this.csrfToken }, ...parts] : parts;
    for (const part of all) {
      const disposition =
        "content" in part
          ? `form-data; name="${part.name}"; filename="${part.fileName}"\r\nContent-Type: application/octet-stream`
          : `form-data; name="${part.name}"`;
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n\r\n`, "utf8"));
      chunks.push("content" in part ? part.content : Buffer.from(part.value, "utf8"), Buffer.from("\r\n"));
    }
    chunks.push(Buffer.from(`--${boundary}--\r\n`));
    const response = await this.server.inject({
      method: "POST",
      url,
      headers: {
        cookie: this.cookieHeader(),
        "content-type": `multipart/form-data; boundary=${boundary}`,
      },
      payload: Buffer.concat(chunks),
    });
    this.remember(response);
    return response;
  }

  /** Sends JSON as an API client would (no cookies unless asked). */
  async json(
    method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) {
    const response = await this.server.inject({
      method,
      url,
      headers: { accept: "application/json", ...headers },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
    return response;
  }
}

/**
 * A browser with its own cookies on a network address of its own (and, if given, a user agent), so
 * that per-address limits and throttles of one test do not reach another.
 */
export function clientOnAddress(server: FastifyInstance, address: string, userAgent?: string): TestClient {
  const onAddress = {
    inject: (request: InjectOptions) =>
      server.inject({
        ...request,
        remoteAddress: address,
        ...(userAgent ? { headers: { ...(request.headers ?? {}), "user-agent": userAgent } } : {}),
      }),
  };
  return new TestClient(onAddress as unknown as FastifyInstance);
}
