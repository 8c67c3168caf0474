import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "./env";

const OIDC = {
  AUTH_OIDC_ISSUER: "https://idp.example.com/realms/acme",
  AUTH_OIDC_CLIENT_ID: "strata",
  AUTH_OIDC_CLIENT_SECRET: "client-secret-value",
  STRATA_ROLE_MAP: "sec-admins=admin",
};
const AWS = { ...OIDC, STRATA_SOURCE: "aws" };

function rejected(source: Record<string, string>): string {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error(`expected the configuration to be rejected: ${JSON.stringify(source)}`);
}

describe("AWS source settings", () => {
  it("defaults to the current credentials' account, discovered regions and the StrataReadOnly role name", () => {
    expect(parseEnv(AWS)).toMatchObject({
      STRATA_SOURCE: "aws",
      STRATA_AWS_ACCOUNTS: "current",
      STRATA_AWS_ROLE_NAME: "StrataReadOnly",
      STRATA_AWS_MAX_CONCURRENT_REQUESTS: 32,
    });
    expect(parseEnv(AWS).STRATA_AWS_REGIONS).toBeUndefined();
  });

  it("accepts role ARNs in every partition, with an external id and a region list", () => {
    const env = parseEnv({
      ...AWS,
      STRATA_AWS_ACCOUNTS: "roles",
      STRATA_AWS_ROLE_ARNS: "arn:aws:iam::111122223333:role/StrataReadOnly, arn:aws-us-gov:iam::444455556666:role/sec/Strata",
      STRATA_AWS_EXTERNAL_ID: "strata-7f3a",
      STRATA_AWS_REGIONS: "us-east-1,eu-west-1",
    });
    expect(env.STRATA_AWS_ROLE_ARNS).toHaveLength(2);
    expect(env.STRATA_AWS_REGIONS).toEqual(["us-east-1", "eu-west-1"]);
  });

  it("names each bad setting: a malformed ARN, an unknown region, a role name, roles mode without ARNs", () => {
    expect(rejected({ ...AWS, STRATA_AWS_ACCOUNTS: "roles", STRATA_AWS_ROLE_ARNS: "arn:aws:iam::1111:role/x" })).toMatch(
      /STRATA_AWS_ROLE_ARNS\.0: each entry must be an IAM role ARN/,
    );
    expect(rejected({ ...AWS, STRATA_AWS_REGIONS: "eu-west-1,eu-west-9" })).toMatch(
      /STRATA_AWS_REGIONS\.1: is not an AWS region Strata knows/,
    );
    expect(rejected({ ...AWS, STRATA_AWS_ACCOUNTS: "organization", STRATA_AWS_ROLE_NAME: "has space" })).toMatch(
      /STRATA_AWS_ROLE_NAME: must be an IAM role name/,
    );
    expect(rejected({ ...AWS, STRATA_AWS_ACCOUNTS: "roles" })).toMatch(
      /STRATA_AWS_ROLE_ARNS: is required when STRATA_AWS_ACCOUNTS=roles/,
    );
    expect(rejected({ ...AWS, STRATA_AWS_ACCOUNTS: "everything" })).toMatch(/STRATA_AWS_ACCOUNTS/);
  });

  it("refuses role ARNs that would be ignored, and AWS without single sign-on", () => {
    expect(rejected({ ...AWS, STRATA_AWS_ROLE_ARNS: "arn:aws:iam::111122223333:role/StrataReadOnly" })).toMatch(
      /STRATA_AWS_ROLE_ARNS: is only used with STRATA_AWS_ACCOUNTS=roles \(it is current\)/,
    );
    expect(rejected({ STRATA_SOURCE: "aws" })).toMatch(/AUTH_OIDC_ISSUER: is required when STRATA_SOURCE=aws/);
  });
});
