import { describe, expect, it } from "vitest";
import { parsePrincipal } from "./principal";

describe("parsePrincipal", () => {
  it("splits an assumed-role ARN into role, session and account", () => {
    expect(parsePrincipal("arn:aws:sts::111111111111:assumed-role/role_details/suspicious.user")).toEqual({
      arn: "arn:aws:sts::111111111111:assumed-role/role_details/suspicious.user",
      type: "assumed-role",
      role: "role_details",
      session: "suspicious.user",
      user: null,
      account: "111111111111",
    });
  });

  it("keeps a session name that contains a slash", () => {
    const p = parsePrincipal("arn:aws:sts::123456789012:assumed-role/AppRole/a/b");
    expect([p.role, p.session]).toEqual(["AppRole", "a/b"]);
  });

  it("reads an IAM user, taking the name after its path", () => {
    const p = parsePrincipal("arn:aws:iam::891377031307:user/dev/shashank");
    expect(p).toMatchObject({ type: "iam-user", user: "shashank", role: null, session: null, account: "891377031307" });
  });

  it("reads the root user", () => {
    expect(parsePrincipal("arn:aws:iam::123456789012:root")).toMatchObject({ type: "root", account: "123456789012" });
  });

  it("reads a federated user into the session field", () => {
    expect(parsePrincipal("arn:aws:sts::123456789012:federated-user/alice")).toMatchObject({
      type: "federated",
      session: "alice",
      account: "123456789012",
    });
  });

  it("treats a role ARN as an assumed role without a session", () => {
    expect(parsePrincipal("arn:aws:iam::123456789012:role/service-role/Runner")).toMatchObject({
      type: "assumed-role",
      role: "Runner",
      session: null,
    });
  });

  it("recognises a service principal", () => {
    expect(parsePrincipal("bedrock.amazonaws.com")).toMatchObject({ type: "service", account: null });
  });

  it("accepts other partitions", () => {
    expect(parsePrincipal("arn:aws-us-gov:sts::123456789012:assumed-role/R/s")).toMatchObject({
      type: "assumed-role",
      account: "123456789012",
    });
  });

  it("drops an account that is not 12 digits but keeps the type", () => {
    // Example C1 in bedrock-formats.md carries a 14-digit account id.
    expect(parsePrincipal("arn:aws:iam::13457018785544:user/user")).toMatchObject({
      type: "iam-user",
      user: "user",
      account: null,
    });
  });

  it.each([null, undefined, ""])("returns unknown for a missing ARN (%s)", (arn) => {
    expect(parsePrincipal(arn)).toMatchObject({ arn: null, type: "unknown" });
  });

  it.each(["not-an-arn", "arn:aws:s3:::bucket/key", "arn:aws:sts::123456789012:assumed-role/OnlyRole"])(
    "returns unknown for %s",
    (arn) => {
      expect(parsePrincipal(arn)).toMatchObject({ arn, type: "unknown", role: null, session: null });
    },
  );
});
