import "server-only";
import type { ActivityEvent } from "@/lib/schemas/activity";

export type ActivityFilter = {
  from: Date;
  to: Date;
  accountIds?: string[];
  regions?: string[];
  /** Event names; omitted: Bedrock's events and the security events of cloudtrail/scope.ts. */
  names?: string[];
  actorArn?: string;
};

export type ActivityPage = { events: ActivityEvent[]; nextCursor: string | null; notice?: string };

/** CloudTrail activity around Bedrock, newest first; the demo and AWS answer the same filter the same way. */
export interface ActivitySource {
  list(filter: ActivityFilter, cursor?: string | null, limit?: number): Promise<ActivityPage>;
  /** One event by id, or null when the source does not have it (any more). */
  get(id: string): Promise<ActivityEvent | null>;
}

export const DEFAULT_PAGE_SIZE = 50;
