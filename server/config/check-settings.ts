import "server-only";
import { DEFAULT_CHECK_SETTINGS, type CheckSettings } from "@/server/checks/define-check";
import { env } from "./env";

/** Check tunables from configuration, falling back to the documented defaults. */
export function checkSettings(): CheckSettings {
  const e = env();
  return {
    approvedRegions: e.STRATA_APPROVED_REGIONS ?? DEFAULT_CHECK_SETTINGS.approvedRegions,
    approvedGeographies: e.STRATA_APPROVED_GEOGRAPHIES ?? DEFAULT_CHECK_SETTINGS.approvedGeographies,
    minLogRetentionDays: e.STRATA_MIN_LOG_RETENTION_DAYS ?? DEFAULT_CHECK_SETTINGS.minLogRetentionDays,
    maxAgentIdleSessionSeconds: e.STRATA_MAX_AGENT_IDLE_SECONDS ?? DEFAULT_CHECK_SETTINGS.maxAgentIdleSessionSeconds,
    trustedAccountIds: e.STRATA_TRUSTED_ACCOUNT_IDS ?? DEFAULT_CHECK_SETTINGS.trustedAccountIds,
  };
}
