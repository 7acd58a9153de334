import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdir, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";

/**
 * Where encrypted document objects live. The local disk is the default; an S3-compatible object
 * store implements the same three calls when several instances share documents. Keys are chosen
 * by Karvan ("2026/05/<random>"), never taken from a user's file name.
 */
export interface DocumentStore {
  /** Writes the object; if the content fails or is refused part-way, nothing is left behind. */
  put(key: string, content: AsyncIterable<Buffer>): Promise<void>;
  /** The stored bytes, or undefined when there is no such object. */
  get(key: string): Promise<Buffer | undefined>;
  /** Removes the object; removing a missing object is not an error. */
  delete(key: string): Promise<void>;
}

const keyPattern = /^[a-z0-9]+(\/[a-z0-9]+)*$/;

/**
 * Objects as files below a folder outside the web root (`<dataDir>/files`). A write goes to a
 * temporary file in `.incoming/` first and is renamed into place only when complete, so a
 * refused or interrupted upload never appears as a document.
 */
export class LocalDiskDocumentStore implements DocumentStore {
  private readonly incoming: string;

  constructor(private readonly root: string) {
    this.incoming = path.join(root, ".incoming");
  }

  async put(key: string, content: AsyncIterable<Buffer>): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(this.incoming, { recursive: true, mode: 0o700 });
    const temporary = path.join(this.incoming, `${randomBytes(16).toString("hex")}.part`);
    const sink = createWriteStream(temporary, { flags: "wx", mode: 0o600 });
    try {
      await pipeline(content, sink);
      await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      await rename(temporary, target);
    } catch (error) {
      // Content refused at once can fail the pipeline before the file is even open: the stream
      // opens (creates) it and only then closes, so the file is removed after that.
      if (!sink.closed) await once(sink, "close").catch(() => {});
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Buffer | undefined> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    if (!keyPattern.test(key)) throw new Error(`invalid document key: ${key}`);
    return path.join(this.root, ...key.split("/"));
  }
}
