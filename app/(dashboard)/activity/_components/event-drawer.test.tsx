import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { activityKeys } from "@/hooks/use-activity";
import type { ActivityEvent } from "@/lib/schemas/activity";
import { EventDrawer } from "./event-drawer";

const HOSTILE = '<img src=x onerror="alert(1)">\u202Egnp.exe';
const RAW = `{"eventVersion":"1.09","userAgent":"${HOSTILE.replace(/"/g, '\\"')}"`; // cut off: not JSON

const event: ActivityEvent = {
  id: "evt-bad-1",
  time: "2026-11-20T05:16:00.000Z",
  accountId: "672443109827",
  region: "eu-west-1",
  source: "bedrock.amazonaws.com",
  name: "UpdateGuardrail",
  readOnly: null,
  actor: { type: null, arn: null, name: "dev-jmorales", accessKeyId: null },
  sourceIp: null,
  userAgent: HOSTILE,
  errorCode: null,
  errorMessage: null,
  requestParameters: null,
  responseElements: null,
  resources: [],
  raw: RAW,
  parseError: "CloudTrailEvent is not JSON: Unexpected end of JSON input",
};
const { raw: _raw, ...row } = event;

function render(cached: ActivityEvent | null) {
  const client = new QueryClient();
  if (cached) client.setQueryData(activityKeys.event(event.id), cached);
  const noop = () => undefined;
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <EventDrawer
        id={event.id}
        row={row}
        position={null}
        onPrev={null}
        onNext={null}
        onClose={noop}
        onFilter={noop}
        canPivotLogs={false}
      />
    </QueryClientProvider>,
  );
}

describe("EventDrawer", () => {
  it("shows an unparsed event's error, its fields and its raw text, all as inert text", () => {
    const html = render(event);
    expect(html).toContain("could not be read");
    expect(html).toContain("Unexpected end of JSON input");
    expect(html).toContain("UpdateGuardrail");
    expect(html).toContain('aria-label="Raw CloudTrail event"');
    expect(html).toContain("&lt;img src=x onerror=");
    expect(html).not.toContain("<img");
    // The right-to-left override is shown escaped, never applied.
    expect(html).not.toContain("\u202E");
    expect(html.toLowerCase()).toContain("\\u202e");
  });

  it("keeps the raw event behind a button for a parsed event", () => {
    const parsed = { ...event, parseError: null, raw: '{"eventName":"UpdateGuardrail"}' };
    const { raw: _r, ...parsedRow } = parsed;
    const client = new QueryClient();
    const html = renderToStaticMarkup(
      <QueryClientProvider client={client}>
        <EventDrawer
          id={parsed.id}
          row={parsedRow}
          position={null}
          onPrev={null}
          onNext={null}
          onClose={() => undefined}
          onFilter={() => undefined}
          canPivotLogs
        />
      </QueryClientProvider>,
    );
    expect(html).toContain("Show raw event");
    expect(html).not.toContain("Raw CloudTrail event");
  });
});
