import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.js";
import type { TestClient } from "../../../../test/support/test-client.js";
import { ManualClock } from "../../../platform/clock/index.js";
import { queryRows } from "../../../platform/db/index.js";
import { caseTypeDefinitions } from "../../permits/index.js";
import type { CaseTypeInput } from "../definition/case-type.js";
import { CsvFormatError, parseCsv } from "./csv.js";
import { hiddenValue, signInNewApplicant } from "./portal-test-bed.js";

const clock = new ManualClock("2026-03-02T08:00:00Z"); // Monday, noon in Baku
let app: TestApp;

/**
 * The country's stay registration, as a later version whose guests need no passport copy for a
 * hotel stay (the file carries no documents): the import reads its columns from the definition.
 */
const real = caseTypeDefinitions.find(
  (definition) => definition.code === "stay-registration",
) as CaseTypeInput;
const hotelRegistration: CaseTypeInput = {
  ...real,
  version: 99,
  documents: (real.documents ?? []).filter((document) => document.requiredWhen !== undefined),
};

const header =
  "guestFullName,guestBirthDate,guestCitizenship,guestPassportNumber,arrivalDate,departureDate,accommodation,hostName,stayAddress.street,stayAddress.city,stayAddress.region,stayAddress.postcode";
const hotel = '"Caspian Pearl Hotel, Baku",Neftchilar avenue 12,Baku,AZ-BA,AZ1000';
const guests = [
  `Mehmet Yilmaz,1987-04-12,TR,U12345678,2026-02-27,2026-03-20,hotel,${hotel}`,
  `"Olga ""Olya"" Ivanova",03.11.1991,RU,721234567,01.03.2026,15.03.2026,hotel,${hotel}`,
  `Reza Tehrani,1979-08-30,IR,K98765432,2026-02-28,2026-04-01,hotel,${hotel}`,
];

function csv(lines: string[]): Buffer {
  return Buffer.from(`${lines.join("\r\n")}\r\n`, "utf8");
}

async function upload(client: TestClient, content: Buffer, key?: string) {
  const page = await client.get("/applications/guests/csv");
  return client.postMultipart("/applications/guests/csv", [
    { name: "idempotencyKey", value: key ?? hiddenValue(page.body, "idempotencyKey") },
    { name: "guests", fileName: "guests.csv", content },
  ]);
}

async function registrationsOf(email: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    app.karvan.database.db,
    sql`select count(*)::int as n from cases c join users u on u.id = c.applicant_user_id
        where u.email = ${email} and c.type_code = 'stay-registration'`,
  );
  return row?.n ?? 0;
}

beforeAll(async () => {
  app = await createTestApp({ clock, caseTypes: [hotelRegistration] });
});
afterAll(async () => {
  await app.close();
});

describe("a host registers guests from a CSV file", () => {
  let host: TestClient;

  beforeAll(async () => {
    ({ browser: host } = await signInNewApplicant(
      app.karvan.database.db,
      clock,
      app.client(),
      "reception@caspian-pearl.az",
      ["host_employer"],
    ));
  });

  it("documents the columns from the case type's form", async () => {
    const page = await host.get("/applications/guests/csv");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('data-testid="csv-columns"');
    for (const column of ["guestFullName", "guestBirthDate", "stayAddress.street", "accommodation"]) {
      expect(page.body).toContain(`<code>${column}</code>`);
    }
    expect(page.body).toContain("hotel (In a hotel or other accommodation business)");
    expect(page.body).toContain("A code of the region list, for example AZ-BA (Baku)");
    expect(page.body).toContain(header);
    expect(page.body).toContain('href="/applications/guests/csv/template"');
  });

  it("offers an empty guest list with exactly the columns the upload reads", async () => {
    const page = await host.get("/applications/guests/csv");
    const documented = [...page.body.matchAll(/role="rowheader"[^>]*><code>([^<]+)<\/code>/g)];
    const template = await host.get("/applications/guests/csv/template");
    expect(template.statusCode).toBe(200);
    expect(template.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(String(template.headers["content-disposition"])).toMatch(/^attachment; filename="guests.csv"/);
    expect(template.body).toBe(`\uFEFF${documented.map((match) => match[1]).join(",")}\r\n`);
    expect(template.body.startsWith(`\uFEFF${header}`)).toBe(true);
  });

  it("registers nobody when one line is wrong, and says where by line and column", async () => {
    const file = csv([
      header,
      guests[0] as string,
      `Broken Guest,31.02.1990,TR,,2026-02-27,2026-03-20,hotel,${hotel}`,
      guests[2] as string,
      `Flat Guest,1990-01-01,GE,G1234567,2026-02-27,2026-03-20,dwelling,${hotel}`,
      guests[1]?.replace("AZ-BA", "Baku city") as string,
    ]);
    const response = await upload(host, file);
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain("nobody was registered");
    expect(response.body).toContain("Line 3, column guestBirthDate: Enter a real date");
    expect(response.body).toContain("Line 3, column guestPassportNumber: Answer this question");
    expect(response.body).toContain("Line 5: This guest needs documents");
    expect(response.body).toContain("Line 6, column stayAddress.region: Choose the region from the list");
    expect(response.body).toContain('data-testid="csv-problems"');
    expect(await registrationsOf("reception@caspian-pearl.az")).toBe(0);
  });

  it("reports a wrong header and refuses a file that is not text", async () => {
    const wrongHeader = await upload(host, csv(["guestName,guestBirthDate", "A,1990-01-01"]));
    expect(wrongHeader.statusCode).toBe(422);
    expect(wrongHeader.body).toContain("Line 1, column guestName: There is no such column");
    expect(wrongHeader.body).toContain("Line 1, column guestFullName: This column is required");
    const spreadsheet = await upload(host, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0xfe, 0x00]));
    expect(spreadsheet.statusCode).toBe(422);
    expect(spreadsheet.body).toContain("not a spreadsheet");
  });

  it("registers every guest of a correct file at once, once for a double submit, and refuses the same guests again", async () => {
    // A spreadsheet set to Azerbaijani writes semicolons and a byte-order mark.
    const semicolons = [header, ...guests].map((line) => line.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, ";"));
    const file = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), csv(semicolons)]);
    const page = await host.get("/applications/guests/csv");
    const key = hiddenValue(page.body, "idempotencyKey");
    const first = await upload(host, file, key);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('data-testid="registered-guests"');
    const numbers = [...first.body.matchAll(/>(REG-2026-\d{6})</g)].map((match) => match[1]);
    expect(numbers).toHaveLength(3);
    expect(await registrationsOf("reception@caspian-pearl.az")).toBe(3);
    const [registered] = await queryRows<{ state: string; name: string }>(
      app.karvan.database.db,
      sql`select state, answers->>'guestFullName' as name, answers->'stayAddress'->>'street' as street
          from cases where number = ${numbers[1] as string}`,
    );
    expect(registered).toMatchObject({ state: "registered", name: 'Olga "Olya" Ivanova' });
    // The result names each guest beside their registration number.
    const names = [...first.body.matchAll(/data-testid="registered-guest-name">([^<]*)</g)].map((m) => m[1]);
    expect(names).toEqual(["Mehmet Yilmaz", "Olga &quot;Olya&quot; Ivanova", "Reza Tehrani"]);
    // So does the host's list of registrations.
    const dashboard = await host.get("/applications");
    expect(dashboard.body).toContain('class="govuk-table__header">Guest</th>');
    for (const name of ["Mehmet Yilmaz", "Reza Tehrani"]) {
      expect(dashboard.body).toContain(`data-testid="guest-name">${name}</td>`);
    }

    const repeated = await upload(host, file, key);
    expect(repeated.statusCode).toBe(200);
    expect([...repeated.body.matchAll(/>(REG-2026-\d{6})</g)].map((match) => match[1])).toEqual(numbers);
    expect(await registrationsOf("reception@caspian-pearl.az")).toBe(3);

    const again = await upload(host, file);
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain(`Line 2: This guest is already registered as ${numbers[0]}`);
    expect(await registrationsOf("reception@caspian-pearl.az")).toBe(3);
  });

  it("fills in the host's details, registers a guest at once and calls the result a registration confirmation", async () => {
    const started = await host.post("/apply/stay-registration");
    const guestPage = String(started.headers.location);
    const caseId = /\/applications\/([0-9a-f-]{36})\//.exec(guestPage)?.[1] as string;
    const form = await host.get(guestPage);
    const guest = await host.post(guestPage, {
      expectedSeq: hiddenValue(form.body, "expectedSeq"),
      _shown: ["guestFullName", "guestBirthDate", "guestCitizenship", "guestPassportNumber"],
      guestFullName: "Ayşe Demir",
      "guestBirthDate-day": "2",
      "guestBirthDate-month": "11",
      "guestBirthDate-year": "1990",
      guestCitizenship: "TR",
      guestPassportNumber: "U87654321",
    });
    expect(guest.headers.location).toBe(`/applications/${caseId}/pages/stay`);

    // The place of stay comes from the host's last registration, shown to check and change.
    const stay = await host.get(`/applications/${caseId}/pages/stay`);
    expect(stay.body).toContain('data-testid="prefilled-notice"');
    expect(stay.body).toContain('value="Caspian Pearl Hotel, Baku"');
    expect(stay.body).toContain('value="Neftchilar avenue 12"');
    expect(stay.body).toMatch(/value="hotel" checked/);
    const saved = await host.post(`/applications/${caseId}/pages/stay`, {
      expectedSeq: hiddenValue(stay.body, "expectedSeq"),
      _shown: [...stay.body.matchAll(/name="_shown" value="([^"]+)"/g)].map((match) => match[1] as string),
      "arrivalDate-day": "28",
      "arrivalDate-month": "2",
      "arrivalDate-year": "2026",
      "departureDate-day": "20",
      "departureDate-month": "3",
      "departureDate-year": "2026",
      accommodation: "hotel",
      hostName: "Caspian Pearl Hotel, Baku",
      "stayAddress.street": "Neftchilar avenue 12",
      "stayAddress.city": "Baku",
      "stayAddress.region": "AZ-BA",
      "stayAddress.postcode": "AZ1000",
    });
    expect(saved.statusCode).toBe(303);
    const check = await host.get(`/applications/${caseId}/check`);
    const submitted = await host.post(`/applications/${caseId}/submit`, {
      idempotencyKey: hiddenValue(check.body, "idempotencyKey"),
      expectedSeq: hiddenValue(check.body, "expectedSeq"),
    });
    expect(submitted.headers.location).toBe(`/applications/${caseId}/receipt`);

    const receipt = await host.get(`/applications/${caseId}/receipt`);
    expect(receipt.body).toContain("Guest registered");
    expect(receipt.body).toContain('data-testid="registered-at-once"');
    expect(receipt.body).toContain("Registration confirmation number");
    expect(receipt.body).toContain(`href="/applications/${caseId}/permit/az"`);
    expect(receipt.body).not.toContain("An officer will check your application");
    const status = await host.get(`/applications/${caseId}`);
    expect(status.body).toContain('data-testid="decided-on-submission"');
    expect(status.body).toContain("Registration confirmation");
    expect(status.body).not.toContain("Your permit");
    const mail = app.mailer.messages.find((message) => message.id === `case-submitted-${caseId}`);
    expect(mail?.subject).toMatch(/^Registration REG-2026-\d{6} made$/);
    expect(mail?.text).toContain("as soon as you submitted it");
    const confirmation = await host.get(`/applications/${caseId}/permit/en`);
    expect(confirmation.statusCode).toBe(200);
    expect(String(confirmation.headers["content-disposition"])).toMatch(/-registration-en\.pdf"/);
  });

  it("starts a new host's first registration with the account's name as the host", async () => {
    const { browser: newHost } = await signInNewApplicant(
      app.karvan.database.db,
      clock,
      app.client(),
      "frontdesk@old-city-inn.az",
      ["host_employer"],
    );
    const started = await newHost.post("/apply/stay-registration");
    const caseId = /\/applications\/([0-9a-f-]{36})\//.exec(String(started.headers.location))?.[1] as string;
    const stay = await newHost.get(`/applications/${caseId}/pages/stay`);
    expect(stay.body).toContain('id="hostName" name="hostName" type="text" value="Applicant frontdesk"');
    expect(stay.body).not.toContain("Neftchilar");
  });

  it("is for hosts only", async () => {
    const { browser: applicant } = await signInNewApplicant(
      app.karvan.database.db,
      clock,
      app.client(),
      "guest@example.org",
    );
    expect((await applicant.get("/applications/guests/csv")).statusCode).toBe(403);
  });
});

describe("reading CSV", () => {
  it("reads quoted fields with separators, quotes and line breaks, CRLF or LF, and skips blank lines", () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\n\n"multi\nline",z\n')).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["x, y", 'say "hi"'] },
      { line: 4, fields: ["multi\nline", "z"] },
    ]);
  });

  it("takes semicolons when the header uses them and drops a byte-order mark", () => {
    expect(parseCsv("\uFEFFa;b\n1,5;2\n")).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["1,5", "2"] },
    ]);
  });

  it("refuses a quote that is never closed or stands in the middle of a field", () => {
    expect(() => parseCsv('a,b\n"open,x\n')).toThrow(CsvFormatError);
    expect(() => parseCsv('a,b\nab"c",d\n')).toThrowError(expect.objectContaining({ line: 2 }));
  });

  it("counts lines as people see them, whatever line breaks the quoted fields hold", () => {
    expect(parseCsv('a,b\r\n"x\r\ny",1\r\n"p\rq",2\r\n\r\nc,3\r\n')).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["x\r\ny", "1"] },
      { line: 4, fields: ["p\rq", "2"] },
      { line: 6, fields: ["c", "3"] },
    ]);
  });

  it("trims spaces around fields but keeps those inside quotes, and skips lines of spaces", () => {
    expect(parseCsv('a , b\n  " x ", y \n   \n,\n')).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: [" x ", "y"] },
      { line: 4, fields: ["", ""] },
    ]);
  });

  it("names the line of the quote at fault", () => {
    const error = (text: string) => {
      try {
        parseCsv(text);
      } catch (caught) {
        return { line: (caught as CsvFormatError).line, key: (caught as CsvFormatError).messageKey };
      }
      return null;
    };
    expect(error('a,b\n"x\ny",1\n"open,2\n\n')).toEqual({ line: 4, key: "portal.csv.errors.unclosedQuote" });
    expect(error('a,b\n"x\ny",1\n"z"w,2\n')).toEqual({ line: 4, key: "portal.csv.errors.strayQuote" });
    expect(error('a,b\n"x\ny",1\nz,w"\n')).toEqual({ line: 4, key: "portal.csv.errors.strayQuote" });
  });
});
