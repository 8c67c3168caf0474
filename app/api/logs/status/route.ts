import type { LogsStatus } from "@/lib/schemas/log-detail";
import { route } from "@/server/http/route";
import { logStoreKind } from "@/server/logs";
import { demoLogSeedStatus } from "@/server/logs/demo/seed";

export const GET = route({ permission: "logs:read" }, async (): Promise<LogsStatus> => ({
  store: logStoreKind(),
  seeding: demoLogSeedStatus(),
}));
