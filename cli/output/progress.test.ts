import { describe, expect, it } from "vitest";
import { captureOutput } from "../testing";
import { createProgress } from "./progress";

describe("createProgress on a terminal", () => {
  it("redraws one line in place, fits it to the width and clears it at the end", () => {
    const out = captureOutput({ columns: 60 });
    const progress = createProgress(out);
    progress.update({ done: 0, total: 4, label: "Listing accounts" });
    progress.update({ done: 2, total: 4, label: "Collected a very long account name, longer still / eu-west-1" });
    progress.finish();
    const frames = out.text().split("\r\x1b[2K");
    expect(frames).toEqual([
      "",
      `[${"-".repeat(24)}] 0/4 Listing accounts`,
      expect.stringMatching(/^\[#{12}-{12}\] 2\/4 Collected/),
      "",
    ]);
    expect(frames[2]).toHaveLength(59);
    expect(frames[2]?.endsWith("…")).toBe(true);
    expect(out.text()).not.toContain("\n");
  });

  it("keeps control characters from the estate out of the terminal", () => {
    const out = captureOutput({ columns: 200 });
    createProgress(out).update({ done: 1, total: 2, label: "Collected evil\x1b]0;pwned\x07 / us-east-1" });
    expect(out.text().replace("\r\x1b[2K", "")).not.toMatch(/[\x00-\x1f]/);
  });

  it("writes nothing on finish when nothing was drawn", () => {
    const out = captureOutput({ columns: 80 });
    createProgress(out).finish();
    expect(out.text()).toBe("");
  });
});

describe("createProgress without a terminal", () => {
  it("prints plain lines, at most one per interval", () => {
    const out = captureOutput();
    let now = 0;
    const progress = createProgress(out, () => now);
    progress.update({ done: 0, total: 3, label: "Listing accounts" });
    now = 1_000;
    progress.update({ done: 1, total: 3, label: "Collected a / us-east-1" });
    now = 6_000;
    progress.update({ done: 2, total: 3, label: "Collected a / eu-west-1" });
    progress.finish();
    expect(out.text()).toBe("strata: scan 0/3 Listing accounts\nstrata: scan 2/3 Collected a / eu-west-1\n");
  });
});
