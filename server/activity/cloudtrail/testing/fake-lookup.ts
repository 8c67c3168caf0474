import "server-only";
import { FakeError, page, type FakeAws, type FakeRequest } from "@/server/sources/aws/testing/fake-aws";
import type { Clock } from "../rate-limit";

/**
 * A clock whose sleeps return at once and move time to when they would have ended, so backoff and
 * pacing are measured, not waited for. `wakes` records each sleeper's wake-up time.
 */
export function virtualClock(start: number): Clock & { sleeps: number[]; wakes: number[] } {
  let now = start;
  const sleeps: number[] = [];
  const wakes: number[] = [];
  return {
    sleeps,
    wakes,
    now: () => now,
    sleep: (ms) => {
      sleeps.push(ms);
      wakes.push(now + ms);
      now += ms;
      return Promise.resolve();
    },
  };
}

/** `account` is the caller's access key id; `region`, when set, the only region that holds the event. */
export type TrailEvent = { id: string; time: number; source: string; name: string; account: string; region?: string };

export type LookupCall = { at: number; key: string; attribute: string; start: number; end: number; token: string | null };

/**
 * LookupEvents as CloudTrail answers it: one attribute, a time range, newest first, pages of at
 * most MaxResults with an opaque NextToken. Calls are recorded with the (virtual) time they arrived.
 */
export function serveLookupEvents(fake: FakeAws, events: TrailEvent[], now: () => number, calls: LookupCall[]): void {
  fake.on("cloudtrail", "LookupEvents", (req: FakeRequest) => {
    const [, key = "", region = ""] = /Credential=([^/]+)\/[^/]+\/([^/]+)\//.exec(String(req.headers.authorization)) ?? [];
    if (key.includes("DENIED"))
      throw new FakeError("AccessDeniedException", "User is not authorized to perform: cloudtrail:LookupEvents", 400);
    const input = req.input as {
      LookupAttributes?: { AttributeKey: string; AttributeValue: string }[];
      StartTime?: number;
      EndTime?: number;
      MaxResults?: number;
      NextToken?: string;
    };
    const [attr] = input.LookupAttributes ?? [];
    const start = (input.StartTime ?? 0) * 1000;
    const end = (input.EndTime ?? Number.MAX_SAFE_INTEGER / 1000) * 1000;
    calls.push({
      at: now(),
      key,
      attribute: `${attr?.AttributeKey}=${attr?.AttributeValue}`,
      start,
      end,
      token: input.NextToken ?? null,
    });
    const matching = events
      .filter((e) => e.account === key && (e.region ?? region) === region && e.time >= start && e.time <= end)
      .filter((e) =>
        attr === undefined
          ? true
          : attr.AttributeKey === "EventSource"
            ? e.source === attr.AttributeValue
            : attr.AttributeKey === "EventName"
              ? e.name === attr.AttributeValue
              : e.id === attr.AttributeValue,
      )
      .sort((a, b) => b.time - a.time);
    const prefix = `tok-${attr?.AttributeValue}-`;
    if (input.NextToken !== undefined && !input.NextToken.startsWith(prefix))
      throw new FakeError("InvalidNextTokenException", "A token you provided is not valid.", 400);
    const token = input.NextToken?.slice(prefix.length);
    const { items, next } = page(matching, token, Math.min(input.MaxResults ?? 50, 50));
    return {
      Events: items.map((e) => ({
        EventId: e.id,
        EventName: e.name,
        EventSource: e.source,
        EventTime: e.time / 1000,
        ReadOnly: "false",
        Username: "tester",
        CloudTrailEvent: JSON.stringify({
          eventID: e.id,
          eventName: e.name,
          eventSource: e.source,
          awsRegion: "us-east-1",
          recipientAccountId: "111122223333",
        }),
      })),
      ...(next === undefined ? {} : { NextToken: `${prefix}${next}` }),
    };
  });
}
