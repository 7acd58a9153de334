import { readdirSync, statSync } from "node:fs";
import path from "node:path";

/** Small stand-ins for each accepted and refused kind of upload (tests only). */
export const sampleDocuments = {
  pdf: Buffer.from(
    "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\nKARVAN-PLAINTEXT-MARKER\n%%EOF\n",
    "latin1",
  ),
  jpeg: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from("JFIF photo bytes")]),
  png: Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.from("IHDR image bytes"),
  ]),
  html: Buffer.from("<!doctype html><script>alert(1)</script>", "utf8"),
  svg: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "utf8"),
  zip: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from("zip entries")]),
};

/** Every file below a folder (relative paths), to prove that nothing was left behind. */
export function filesBelow(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else found.push(path.relative(root, full));
    }
  };
  walk(root);
  return found.sort();
}
