import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { qrPngDataUrl, qrSvg } from "./index.js";

const link = "https://karvan.example.az/verify/PRM-2026-000123?code=7F3K-92QX";

describe("QR codes", () => {
  it("draws an SVG whose grid is the code's modules plus the quiet zone", async () => {
    const svg = await qrSvg(link);
    const modules = QRCode.create(link, { errorCorrectionLevel: "M" }).modules.size;
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain(`viewBox="0 0 ${modules + 8} ${modules + 8}"`);
    expect(svg).toMatch(/<path[^>]+d="M/);
    expect(svg).not.toContain("<script");
  });

  it("makes a PNG data URL of the requested width", async () => {
    const dataUrl = await qrPngDataUrl(link, 300);
    expect(dataUrl.startsWith("data:image/png;base64,")).toBe(true);
    const png = Buffer.from(dataUrl.slice("data:image/png;base64,".length), "base64");
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(300);
  });
});
