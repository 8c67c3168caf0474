import { describe, expect, it } from "vitest";
import { gradeFor, scoreFindings } from "./score";

const f = (
  status: "PASS" | "FAIL" | "ERROR" | "NOT_APPLICABLE" | "MANUAL",
  severity: "critical" | "high" | "medium" | "low",
  accountId = "111111111111",
  region = "us-east-1",
  category = "IAM",
) => ({
  status,
  severity,
  accountId,
  region,
  category,
});

describe("scoreFindings", () => {
  it("weights by severity: one critical pass outweighs several low failures", () => {
    const report = scoreFindings([f("PASS", "critical"), f("FAIL", "low"), f("FAIL", "low")]);
    expect(report.overall.weightPassed).toBe(10);
    expect(report.overall.weightEvaluated).toBe(12);
    expect(report.overall.score).toBe(83.3);
    expect(report.overall.grade).toBe("B");
  });

  it("never counts ERROR as a pass and keeps it beside the score", () => {
    const report = scoreFindings([f("PASS", "high"), f("ERROR", "critical"), f("NOT_APPLICABLE", "high"), f("MANUAL", "low")]);
    expect(report.overall.score).toBe(100);
    expect(report.overall.counts).toEqual({ PASS: 1, FAIL: 0, ERROR: 1, NOT_APPLICABLE: 1, MANUAL: 1 });
  });

  it("has no score when nothing was evaluated", () => {
    const report = scoreFindings([f("ERROR", "high")]);
    expect(report.overall.score).toBeNull();
    expect(report.overall.grade).toBeNull();
  });

  it("groups by category, account, region and account × region", () => {
    const report = scoreFindings([f("PASS", "high", "1", "us-east-1", "IAM"), f("FAIL", "high", "2", "eu-west-1", "Network")]);
    expect(report.byCategory.IAM?.score).toBe(100);
    expect(report.byCategory.Network?.score).toBe(0);
    expect(report.byAccount["2"]?.score).toBe(0);
    expect(report.byRegion["us-east-1"]?.score).toBe(100);
    expect(report.byAccountRegion["2/eu-west-1"]?.grade).toBe("F");
  });

  it("grades on the usual bands", () => {
    expect([95, 85, 75, 65, 10].map(gradeFor)).toEqual(["A", "B", "C", "D", "F"]);
  });
});
