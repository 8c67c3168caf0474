import "server-only";
import type { LogDetail } from "@/lib/schemas/log-detail";
import type { LogSummary } from "@/lib/schemas/logs";
import { NotFoundError } from "@/server/http/errors";
import type { LogStore } from "../store/types";
import { toSummary } from "../summary";
import { toDetail } from "./detail";

/** One record by request id, or the typed 404 the route wrapper maps. */
export async function readRecord(
  store: LogStore,
  id: string,
  signal?: AbortSignal,
): Promise<{ summary: LogSummary; detail: (options: { reveal: boolean; canReveal: boolean }) => LogDetail }> {
  const record = await store.get(id, { signal });
  if (!record) throw new NotFoundError(`Invocation record ${id}`);
  return { summary: toSummary(record), detail: (options) => toDetail(record, options) };
}
