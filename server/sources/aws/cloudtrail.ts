import "server-only";
import {
  DescribeTrailsCommand,
  GetEventDataStoreCommand,
  GetEventSelectorsCommand,
  GetTrailStatusCommand,
  paginateListEventDataStores,
  type AdvancedEventSelector,
  type CloudTrailClient,
  type Trail,
} from "@aws-sdk/client-cloudtrail";
import type { Part } from "@/server/inventory/part";
import { call, collectPart } from "./errors";
import { PER_SERVICE_CONCURRENCY, drain, jsonify, mapLimit, type CollectContext } from "./collect-kit";

const advanced = (list: AdvancedEventSelector[] | undefined) =>
  (list ?? []).map((s) =>
    jsonify({
      name: s.Name,
      fieldSelectors: (s.FieldSelectors ?? []).map((f) => ({
        field: f.Field,
        equals: f.Equals,
        startsWith: f.StartsWith,
        endsWith: f.EndsWith,
        notEquals: f.NotEquals,
        notStartsWith: f.NotStartsWith,
        notEndsWith: f.NotEndsWith,
      })),
    }),
  );

async function trail(client: CloudTrailClient, t: Trail) {
  // ARNs, not names: multi-region trails from other home regions (shadow trails) are only addressable by ARN.
  const TrailName = t.TrailARN ?? t.Name ?? "";
  const [status, selectors] = await Promise.all([
    call("cloudtrail:GetTrailStatus", client.send(new GetTrailStatusCommand({ Name: TrailName }))),
    call("cloudtrail:GetEventSelectors", client.send(new GetEventSelectorsCommand({ TrailName }))),
  ]);
  return {
    name: t.Name,
    arn: t.TrailARN,
    homeRegion: t.HomeRegion,
    isMultiRegionTrail: t.IsMultiRegionTrail === true,
    isOrganizationTrail: t.IsOrganizationTrail === true,
    isLogging: status.IsLogging === true,
    logFileValidationEnabled: t.LogFileValidationEnabled === true,
    kmsKeyId: t.KmsKeyId,
    s3BucketName: t.S3BucketName,
    eventSelectors: (selectors.EventSelectors ?? []).map((s) => ({
      readWriteType: s.ReadWriteType ?? "All",
      includeManagementEvents: s.IncludeManagementEvents ?? true,
      dataResources: (s.DataResources ?? []).map((d) => ({ type: d.Type, values: d.Values ?? [] })),
    })),
    advancedEventSelectors: advanced(selectors.AdvancedEventSelectors),
  };
}

async function eventDataStores(client: CloudTrailClient) {
  const listed = await drain(paginateListEventDataStores({ client }, {}), (p) => p.EventDataStores);
  // The list summary's selector fields are deprecated; GetEventDataStore is authoritative.
  return mapLimit(listed, PER_SERVICE_CONCURRENCY, async (s) => {
    const out = await call(
      "cloudtrail:GetEventDataStore",
      client.send(new GetEventDataStoreCommand({ EventDataStore: s.EventDataStoreArn ?? "" })),
    );
    return {
      name: out.Name,
      arn: out.EventDataStoreArn,
      status: out.Status,
      multiRegionEnabled: out.MultiRegionEnabled === true,
      organizationEnabled: out.OrganizationEnabled === true,
      retentionPeriod: out.RetentionPeriod,
      advancedEventSelectors: advanced(out.AdvancedEventSelectors),
    };
  });
}

export async function collectCloudTrail(
  clients: { cloudtrail: CloudTrailClient },
  _ctx: CollectContext,
): Promise<{ trails: Part<unknown>; eventDataStores: Part<unknown> }> {
  const client = clients.cloudtrail;
  const [trails, stores] = await Promise.all([
    collectPart("cloudtrail:DescribeTrails", async () => {
      // DescribeTrails is not paginated; shadow trails are included so multi-region coverage is visible.
      const out = await client.send(new DescribeTrailsCommand({ includeShadowTrails: true }));
      return mapLimit(out.trailList ?? [], PER_SERVICE_CONCURRENCY, (t) => trail(client, t));
    }),
    collectPart("cloudtrail:ListEventDataStores", () => eventDataStores(client)),
  ]);
  return { trails, eventDataStores: stores };
}
