import "server-only";
import { z } from "zod";
import { partSchema } from "./part";

const fieldSelector = z.object({
  field: z.string(),
  equals: z.array(z.string()).optional(),
  startsWith: z.array(z.string()).optional(),
  endsWith: z.array(z.string()).optional(),
  notEquals: z.array(z.string()).optional(),
  notStartsWith: z.array(z.string()).optional(),
  notEndsWith: z.array(z.string()).optional(),
});
export const advancedEventSelectorSchema = z.object({ name: z.string().optional(), fieldSelectors: z.array(fieldSelector) });
export type AdvancedEventSelector = z.infer<typeof advancedEventSelectorSchema>;

export const trailSchema = z.object({
  name: z.string(),
  arn: z.string(),
  homeRegion: z.string(),
  isMultiRegionTrail: z.boolean(),
  isOrganizationTrail: z.boolean(),
  isLogging: z.boolean(),
  logFileValidationEnabled: z.boolean(),
  kmsKeyId: z.string().optional(),
  s3BucketName: z.string().optional(),
  /** Basic selectors (legacy); empty when the trail uses advanced selectors. */
  eventSelectors: z.array(
    z.object({
      readWriteType: z.enum(["ReadOnly", "WriteOnly", "All"]),
      includeManagementEvents: z.boolean(),
      dataResources: z.array(z.object({ type: z.string(), values: z.array(z.string()) })),
    }),
  ),
  advancedEventSelectors: z.array(advancedEventSelectorSchema),
});
export type Trail = z.infer<typeof trailSchema>;

export const eventDataStoreSchema = z.object({
  name: z.string(),
  arn: z.string(),
  status: z.string(),
  multiRegionEnabled: z.boolean(),
  organizationEnabled: z.boolean(),
  retentionPeriod: z.number(),
  advancedEventSelectors: z.array(advancedEventSelectorSchema),
});
export type EventDataStore = z.infer<typeof eventDataStoreSchema>;

export const logGroupSchema = z.object({
  logGroupName: z.string(),
  arn: z.string(),
  kmsKeyId: z.string().optional(),
  retentionInDays: z.number().optional(),
});
export type LogGroup = z.infer<typeof logGroupSchema>;

export const alarmSchema = z.object({
  alarmName: z.string(),
  alarmArn: z.string(),
  namespace: z.string().optional(),
  metricName: z.string().optional(),
  dimensions: z.array(z.object({ name: z.string(), value: z.string() })),
  /** Namespaces referenced by metric-math alarms. */
  metricNamespaces: z.array(z.string()).default([]),
  actionsEnabled: z.boolean(),
  alarmActions: z.array(z.string()),
  stateValue: z.enum(["OK", "ALARM", "INSUFFICIENT_DATA"]),
});
export type Alarm = z.infer<typeof alarmSchema>;

export const cloudtrailInventorySchema = z.object({
  trails: partSchema(z.array(trailSchema)),
  eventDataStores: partSchema(z.array(eventDataStoreSchema)),
});
export const logsInventorySchema = z.object({ logGroups: partSchema(z.array(logGroupSchema)) });
export const cloudwatchInventorySchema = z.object({ alarms: partSchema(z.array(alarmSchema)) });
