import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";
import { loadConfig } from "../config/index.js";
import { queryRows } from "../db/index.js";
import {
  createDemoGateway,
  createPaymentProvider,
  type PaymentProvider,
  PaymentProviderUnavailableError,
  type PaymentRequest,
} from "./index.js";

const fee: PaymentRequest = {
  reference: "APP-2026-0001",
  amountMinor: 12_550,
  currency: "AZN",
  description: "Residence permit fee",
  returnUrl: "/applications/APP-2026-0001/payment?step=2",
};

/** The signed result fields of a return address. */
function resultOf(location: string): Record<string, string> {
  return Object.fromEntries(new URL(location, "http://karvan.invalid").searchParams);
}

describe("demo payment gateway", () => {
  let app: TestApp;
  let payments: PaymentProvider;

  beforeAll(async () => {
    app = await createTestApp();
    payments = createPaymentProvider(app.config, { db: app.karvan.database.db, clock: app.karvan.clock });
  });
  afterAll(async () => {
    await app.close();
  });

  it("shows a clearly marked demo page, and Pay returns to the caller with a signed, verifiable result", async () => {
    const started = await payments.createPayment(fee);
    expect(started.paymentId).toMatch(/^demo_[0-9a-f]{32}$/);
    expect(started.redirectUrl).toBe(`/demo/pay/${started.paymentId}`);

    const client = app.client();
    const page = await client
      .get(`${started.redirectUrl}?lang=en`)
      .then(() => client.get(started.redirectUrl));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("DEMO PAYMENT — no money moves");
    expect(page.body).toContain("Residence permit fee");
    expect(page.body).toContain("APP-2026-0001");
    expect(page.body).toMatch(/125\.50/);
    for (const outcome of ["paid", "failed", "cancelled"]) {
      expect(page.body).toContain(`value="${outcome}" name="outcome"`);
    }

    const paid = await client.post(started.redirectUrl, { outcome: "paid" });
    expect(paid.statusCode).toBe(303);
    const location = String(paid.headers.location);
    expect(location.startsWith("/applications/APP-2026-0001/payment?step=2&paymentId=")).toBe(true);
    expect(payments.verifyResult(resultOf(location))).toEqual({
      paymentId: started.paymentId,
      reference: "APP-2026-0001",
      status: "paid",
      amountMinor: 12_550,
      currency: "AZN",
    });
    expect(await payments.getPayment(started.paymentId)).toMatchObject({
      status: "paid",
      amountMinor: 12_550,
      completedAt: expect.any(Date),
    });
  });

  it("completes a payment once: a second click keeps the first outcome", async () => {
    const started = await payments.createPayment(fee);
    const client = app.client();
    await client.get(started.redirectUrl);
    const cancelled = await client.post(started.redirectUrl, { outcome: "cancelled" });
    expect(payments.verifyResult(resultOf(String(cancelled.headers.location))).status).toBe("cancelled");

    const again = await client.post(started.redirectUrl, { outcome: "paid" });
    expect(payments.verifyResult(resultOf(String(again.headers.location))).status).toBe("cancelled");
    expect((await payments.getPayment(started.paymentId)).status).toBe("cancelled");

    const finishedPage = await client.get(started.redirectUrl);
    expect(finishedPage.body).toContain('data-testid="demo-payment-finished"');
    expect(finishedPage.body).not.toContain('name="outcome"');
  });

  it("reports a failed payment", async () => {
    const started = await payments.createPayment(fee);
    const client = app.client();
    await client.get(started.redirectUrl);
    const failed = await client.post(started.redirectUrl, { outcome: "failed" });
    expect(payments.verifyResult(resultOf(String(failed.headers.location))).status).toBe("failed");
  });

  it("refuses a POST without the form's CSRF token and keeps the payment pending", async () => {
    const started = await payments.createPayment(fee);
    const client = app.client();
    await client.get(started.redirectUrl);
    const forged = await client.post(started.redirectUrl, { outcome: "paid" }, { csrf: false });
    expect(forged.statusCode).toBe(403);
    expect((await payments.getPayment(started.paymentId)).status).toBe("pending");
  });

  it("rejects a result whose status, amount or reference was changed, or that has no signature", async () => {
    const started = await payments.createPayment(fee);
    const client = app.client();
    await client.get(started.redirectUrl);
    const failed = await client.post(started.redirectUrl, { outcome: "failed" });
    const genuine = resultOf(String(failed.headers.location));

    for (const tampered of [
      { ...genuine, status: "paid" },
      { ...genuine, amountMinor: "1" },
      { ...genuine, reference: "APP-2026-9999" },
      { ...genuine, signature: undefined },
      { ...genuine, signature: `${genuine.signature}x` },
    ]) {
      expect(() => payments.verifyResult(tampered)).toThrowError(
        expect.objectContaining({ code: "payment_signature_invalid", status: 400 }),
      );
    }
  });

  it("keeps payments in the database, so another instance (or a restart) knows them", async () => {
    const started = await payments.createPayment(fee);
    const [row] = await queryRows<{ amount_minor: number; status: string }>(
      app.karvan.database.db,
      sql`select amount_minor, status from payments where id = ${started.paymentId}`,
    );
    expect(row).toEqual({ amount_minor: 12_550, status: "pending" });
    const otherInstance = createDemoGateway(app.config, { db: app.karvan.database.db });
    expect((await otherInstance.getPayment(started.paymentId)).reference).toBe("APP-2026-0001");
  });

  it("answers 404 for unknown or malformed payment ids", async () => {
    const client = app.client();
    expect((await client.get(`/demo/pay/demo_${"0".repeat(32)}`)).statusCode).toBe(404);
    expect((await client.get("/demo/pay/..%2F..%2Fadmin")).statusCode).toBe(404);
    await expect(payments.getPayment("demo_nope")).rejects.toMatchObject({ status: 404 });
  });

  it.each([
    ["an address on another site", { returnUrl: "https://evil.example/paid" }],
    ["a protocol-relative address", { returnUrl: "//evil.example/paid" }],
    ["a backslash trick", { returnUrl: "/\\evil.example/paid" }],
    ["a fraction of a minor unit", { amountMinor: 12.5 }],
    ["a zero amount", { amountMinor: 0 }],
    ["another currency", { currency: "USD" }],
    ["an empty reference", { reference: " " }],
  ])("refuses to start a payment with %s", async (_label, change) => {
    await expect(payments.createPayment({ ...fee, ...change } as PaymentRequest)).rejects.toThrow();
  });

  it("keeps any country's ISO 4217 code in the database, and nothing else", async () => {
    const insert = (id: string, currency: string) =>
      app.karvan.database.db.execute(
        sql`insert into payments (id, provider, reference, amount_minor, currency, description, return_url)
            values (${id}, 'demo', 'R-1', 100, ${currency}, 'fee', '/paid')`,
      );
    await insert("demo_bhd", "BHD");
    for (const currency of ["manat", "azn", "AZ"]) {
      const refused = await insert(`demo_${currency}`, currency).then(
        () => "stored",
        (error: Error) => String((error.cause as Error | undefined)?.message ?? error.message),
      );
      expect(refused).toMatch(/payments_currency_iso_4217/);
    }
  });
});

describe("payment provider outside demo mode", () => {
  it("fails clearly: there is no real provider yet", () => {
    const config = loadConfig({
      NODE_ENV: "production",
      KARVAN_SESSION_SECRET: "s".repeat(32),
      KARVAN_AUDIT_KEY: "a".repeat(32),
      KARVAN_FILE_KEY: "f".repeat(32),
      KARVAN_PUBLIC_URL: "https://karvan.example.az",
      KARVAN_SEAL_P12: "/etc/karvan/seal.p12",
      KARVAN_SEAL_PASSPHRASE: "p".repeat(32),
    });
    const create = () => createPaymentProvider(config, { db: {} as never });
    expect(create).toThrow(PaymentProviderUnavailableError);
    expect(create).toThrow(/no real payment provider yet/);
    expect(() => createDemoGateway(config, { db: {} as never })).toThrow(PaymentProviderUnavailableError);
  });

  it("does not mount the demo payment pages when demo mode is off", async () => {
    const app = await createTestApp({ env: { KARVAN_DEMO: "false" } });
    try {
      expect((await app.client().get(`/demo/pay/demo_${"0".repeat(32)}`)).statusCode).toBe(404);
      expect(app.karvan.server.hasRoute({ method: "GET", url: "/demo/pay/:paymentId" })).toBe(false);
    } finally {
      await app.close();
    }
  });
});
