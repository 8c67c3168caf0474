import "server-only";
import { describe, expect, it } from "vitest";
import { defineDetector, makeDetection } from "./detector";
import { at, contextWith, event } from "./fixtures";
import { runDetectors } from "./run";

const deleteLogging = (minutes: number, id: string) =>
  event({ id, name: "DeleteModelInvocationLoggingConfiguration", time: at(minutes) });

describe("runDetectors", () => {
  it("a throwing detector yields nothing and is reported; the others still run", () => {
    const boom = defineDetector({
      id: "boom",
      title: "t",
      severity: "low",
      description: "d",
      checkId: null,
      detect: () => {
        throw new Error("kaput");
      },
    });
    const every = defineDetector({
      id: "every",
      title: "t",
      severity: "low",
      description: "d",
      checkId: null,
      detect: (events) =>
        events.map((e) => makeDetection("every", { severity: "low", title: "x", explanation: "y", checkId: null, events: [e] })),
    });
    const run = runDetectors([deleteLogging(0, "a")], contextWith({}), [boom, every]);
    expect(run.problems).toEqual([{ detector: "boom", message: "kaput" }]);
    expect(run.detections.map((d) => d.detector)).toEqual(["every"]);
  });

  it("drops a detector's output that does not match the schema and reports it", () => {
    const bad = defineDetector({
      id: "bad",
      title: "t",
      severity: "low",
      description: "d",
      checkId: null,
      detect: (events) => [
        { ...makeDetection("bad", { severity: "low", title: "x", explanation: "y", checkId: null, events }), eventIds: [] },
      ],
    });
    const run = runDetectors([deleteLogging(0, "a")], contextWith({}), [bad]);
    expect(run.detections).toEqual([]);
    expect(run.problems.map((p) => p.detector)).toEqual(["bad"]);
  });

  it("sorts events by time before detecting, returns newest first, and ids are stable across runs", () => {
    const events = [deleteLogging(30, "late"), deleteLogging(0, "early"), deleteLogging(15, "mid")];
    const first = runDetectors(events, contextWith({}));
    const again = runDetectors([...events].reverse(), contextWith({}));
    expect(first.problems).toEqual([]);
    expect(first.detections.map((d) => d.eventIds[0])).toEqual(["late", "mid", "early"]);
    expect(again.detections.map((d) => d.id)).toEqual(first.detections.map((d) => d.id));
    expect(new Set(first.detections.map((d) => d.id)).size).toBe(3);
    expect(first.detections[0]?.id).toMatch(/^invocation-logging-disabled:[0-9a-f]{16}$/);
  });

  it("orders by instant when CloudTrail mixes second and millisecond times", () => {
    const stop = (id: string, time: string) =>
      event({ id, name: "StopLogging", source: "cloudtrail.amazonaws.com", time, requestParameters: { name: "t" } });
    const run = runDetectors([stop("a", "2026-11-20T10:00:10Z"), stop("b", "2026-11-20T10:00:10.500Z")], contextWith({}));
    expect(run.detections.map((d) => d.eventIds[0])).toEqual(["b", "a"]);
  });
});
