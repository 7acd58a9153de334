import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";

/**
 * One file of an import: its text given whole (tests, uploads), or a path read piece by piece, so
 * that a file of any size needs only one piece in memory at a time.
 */
export type ImportFile = { name: string; content: string } | { name: string; path: string };

const CONTENT_PIECE = 64 * 1024;
const READ_PIECE = 64 * 1024;

/** The file's size in bytes, for a progress bar. */
export async function sizeOfImportFile(file: ImportFile): Promise<number> {
  return "content" in file ? Buffer.byteLength(file.content) : (await stat(file.path)).size;
}

/** The file's text in pieces, telling `onBytes` how many bytes each piece took from the file. */
export async function* importFileText(
  file: ImportFile,
  onBytes: (bytes: number) => void = () => {},
): AsyncGenerator<string> {
  if ("content" in file) {
    for (let at = 0; at < file.content.length; at += CONTENT_PIECE) {
      const piece = file.content.slice(at, at + CONTENT_PIECE);
      onBytes(Buffer.byteLength(piece));
      yield piece;
    }
    return;
  }
  // A character cut in two at a piece's end is kept for the next one; bad bytes become U+FFFD,
  // as reading the whole file as UTF-8 would.
  const decoder = new TextDecoder("utf-8");
  for await (const bytes of createReadStream(file.path, { highWaterMark: READ_PIECE })) {
    onBytes((bytes as Buffer).length);
    yield decoder.decode(bytes as Buffer, { stream: true });
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}
