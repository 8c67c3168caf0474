import "server-only";
import { createReadStream, type Stats } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";
import { ImportError, messageOf } from "./errors";
import { byPath, isLogFile, LOG_FILE_KINDS, type LogObject, type LogSource } from "./objects";

const READ_CHUNK_BYTES = 256 * 1024;

function fileObject(path: string): LogObject {
  return {
    name: path,
    open: (signal) => {
      const stream = createReadStream(path, { highWaterMark: READ_CHUNK_BYTES, signal });
      // Surface a missing or unreadable file here, as a failure of this file, not of the whole import.
      return new Promise((resolve, reject) => {
        stream.once("open", () => resolve(stream));
        stream.once("error", reject);
      });
    },
  };
}

/**
 * Every file below `root` as "/"-separated relative paths. Symlinked folders are not followed (no
 * loops); a dangling symlink is listed, so that it fails as a file instead of vanishing silently.
 */
async function walk(root: string): Promise<string[]> {
  const out: string[] = [];
  const visit = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await visit(path);
      else if (entry.isFile() || (entry.isSymbolicLink() && !(await stat(path).catch(() => undefined))?.isDirectory()))
        out.push(relative(root, path).split(sep).join("/"));
    }
  };
  await visit(root);
  return out;
}

/**
 * A file (imported whatever its name: the user named it; a pipe such as /dev/stdin works too) or a
 * folder's log files in sorted path order, so that repeated imports read files in the same order.
 */
export async function localSource(path: string): Promise<LogSource> {
  let info: Stats;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file or folder" : messageOf(error);
    throw new ImportError("source", `Cannot import ${path}: ${why}.`, { cause: error });
  }
  if (!info.isDirectory()) {
    if (!info.isFile() && !info.isFIFO()) throw new ImportError("source", `Cannot import ${path}: not a file or folder.`);
    return { objects: [fileObject(path)], total: () => 1, ignored: () => 0 };
  }
  let all: string[];
  try {
    all = await walk(path);
  } catch (error) {
    throw new ImportError("source", `Cannot read the folder ${path}: ${messageOf(error)}.`, { cause: error });
  }
  // The absolute path, so that offloaded bodies are recognised when the folder is an hour partition itself.
  const base = resolve(path).split(sep).join("/");
  const logs = all.filter((rel) => isLogFile(`${base}/${rel}`)).sort(byPath);
  const ignored = all.length - logs.length;
  if (logs.length === 0) {
    const others = ignored === 0 ? "it is empty" : `${ignored} other file${ignored === 1 ? " was" : "s were"} ignored`;
    throw new ImportError("source", `${path} holds no log files (${LOG_FILE_KINDS}); ${others}.`);
  }
  return { objects: logs.map((rel) => fileObject(join(path, rel))), total: () => logs.length, ignored: () => ignored };
}
