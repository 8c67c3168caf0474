import "server-only";
import { detectionSchema, type ActivityEvent, type Detection } from "@/lib/schemas/activity";
import type { DetectionContext, Detector } from "./detector";
import { DETECTORS } from "./index";

type DetectorProblem = { detector: string; message: string };
export type DetectionRun = { detections: Detection[]; problems: DetectorProblem[] };

type Timed = { time: string; id: string };

/** By instant (CloudTrail mixes "…:10Z" and "…:10.379Z"), then id so equal times keep one order. */
function byTime(a: Timed, b: Timed): number {
  const [ta, tb] = [Date.parse(a.time), Date.parse(b.time)];
  const diff = Number.isNaN(ta) || Number.isNaN(tb) ? a.time.localeCompare(b.time) : ta - tb;
  return diff || a.id.localeCompare(b.id);
}

/**
 * Runs every detector over the events (sorted oldest first, whatever order they came in). A
 * detector that throws yields nothing and is reported in `problems`; the others still run.
 * Detections come back newest first; their ids depend only on detector and event ids.
 */
export function runDetectors(
  events: readonly ActivityEvent[],
  context: DetectionContext,
  detectors: readonly Detector[] = DETECTORS,
): DetectionRun {
  const sorted = [...events].sort(byTime);
  const detections: Detection[] = [];
  const problems: DetectorProblem[] = [];
  for (const detector of detectors) {
    try {
      const found = detector.detect(sorted, context);
      // Validate before keeping any: a detector's bad output must not reach the page half-formed.
      for (const d of found) detectionSchema.parse(d);
      detections.push(...found);
    } catch (error) {
      problems.push({ detector: detector.id, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return { detections: detections.sort((a, b) => -byTime(a, b)), problems };
}
