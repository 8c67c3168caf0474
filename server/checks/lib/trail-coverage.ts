import "server-only";
import type { Inventory } from "@/server/inventory";
import type { AdvancedEventSelector, EventDataStore, Trail } from "@/server/inventory/audit";
import type { Status } from "@/lib/schemas/finding";
import { regionArn, withParts, type FindingDraft } from "../define-check";
import { finding, perResource } from "./bedrock-findings";

/** A trail records this region when it is multi-region or homed here (logging or not). */
export function trailsCoveringRegion(trails: readonly Trail[], region: string): Trail[] {
  return trails.filter((t) => t.isMultiRegionTrail || t.homeRegion === region);
}

/** Event data stores have no home-region field; their ARN carries it. */
export function dataStoresCoveringRegion(stores: readonly EventDataStore[], region: string): EventDataStore[] {
  return stores.filter((s) => s.status === "ENABLED" && (s.multiRegionEnabled || s.arn.split(":")[3] === region));
}

/** The small excerpt of a trail a person needs to see in evidence. */
export function trailExcerpt(t: Trail) {
  return {
    name: t.name,
    arn: t.arn,
    homeRegion: t.homeRegion,
    isMultiRegionTrail: t.isMultiRegionTrail,
    isOrganizationTrail: t.isOrganizationTrail,
    isLogging: t.isLogging,
    logFileValidationEnabled: t.logFileValidationEnabled,
    kmsKeyId: t.kmsKeyId ?? null,
  };
}

const lower = (values: readonly string[] | undefined) => (values ?? []).map((v) => v.toLowerCase());

function fieldOf(selector: AdvancedEventSelector, name: string) {
  return selector.fieldSelectors.find((f) => f.field.toLowerCase() === name.toLowerCase());
}

/** Whether one advanced selector records data events of `resourceType` (e.g. AWS::Bedrock::Model). */
export function selectorLogsDataType(selector: AdvancedEventSelector, resourceType: string): boolean {
  const category = fieldOf(selector, "eventCategory");
  if (!category || !lower(category.equals).includes("data")) return false;
  const type = fieldOf(selector, "resources.type");
  if (!type) return false;
  const t = resourceType.toLowerCase();
  const included = lower(type.equals).includes(t) || lower(type.startsWith).some((p) => t.startsWith(p));
  const excluded =
    lower(type.notEquals).includes(t) ||
    lower(type.notStartsWith).some((p) => t.startsWith(p)) ||
    lower(type.notEndsWith).some((s) => t.endsWith(s));
  return included && !excluded;
}

type Verdict = { status: Status; message: string; evidence?: Record<string, unknown> };

/** One finding per trail covering the region; NOT_APPLICABLE when none does. */
export function evaluateCoveringTrails(inventory: Inventory, evaluate: (trail: Trail) => Verdict): FindingDraft[] {
  const arn = regionArn(inventory, "cloudtrail");
  return withParts(arn, { trails: inventory.cloudtrail.trails }, ({ trails }) =>
    perResource(
      trailsCoveringRegion(trails, inventory.region),
      { resourceArn: arn, message: `No CloudTrail trail covers ${inventory.region}` },
      (trail) => {
        const verdict = evaluate(trail);
        return finding(trail.arn, verdict.status, verdict.message, { trail: trailExcerpt(trail), ...verdict.evidence });
      },
    ),
  );
}

export function trailLabel(trail: Trail): string {
  const scope = trail.isMultiRegionTrail ? "multi-region " : "";
  const state = trail.isLogging ? "" : " (not logging)";
  return `${scope}trail ${trail.name}${state}`;
}
