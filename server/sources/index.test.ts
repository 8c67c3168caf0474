import { describe, expect, it } from "vitest";
import { ConfigError } from "@/server/config/env";
import { getSource } from "./index";

describe("getSource", () => {
  it("serves the demo estate by default and narrows it to the accounts and regions asked for", async () => {
    const source = getSource({ accounts: ["418272790315"], regions: ["eu-west-1"] });
    expect(source.kind).toBe("demo");
    expect(await source.listTargets()).toEqual([
      { accountId: "418272790315", accountName: "halcyon-prod", regions: ["eu-west-1"] },
    ]);
  });

  it("builds the AWS source for --source aws without calling AWS", () => {
    const source = getSource({ source: "aws", accounts: ["111122223333"], regions: ["us-east-1"] });
    expect(source.kind).toBe("aws");
  });

  it("stops on a malformed account id or an unknown region before anything runs, naming the option", () => {
    expect(() => getSource({ source: "aws", accounts: ["1234"] })).toThrow(ConfigError);
    expect(() => getSource({ source: "aws", accounts: ["1234"] })).toThrow(/--accounts: 1234 is not a 12-digit AWS account id/);
    expect(() => getSource({ regions: ["us-east-1", "moon-1"] })).toThrow(/--regions: moon-1 is not an AWS region/);
  });

  it("names demo accounts and regions that are not part of the estate", () => {
    expect(() => getSource({ accounts: ["111122223333"] })).toThrow(/Unknown demo account 111122223333/);
    expect(() => getSource({ regions: ["ap-south-1"] })).toThrow(/Unknown demo region ap-south-1/);
  });
});
