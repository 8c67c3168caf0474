import "server-only";
import { type FakeAws, page } from "./fake-aws";

const ACCOUNT = "111122223333";
export const ALLOW_BEDROCK = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "bedrock:*", Resource: "*" }] };
const TRUST = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "bedrock.amazonaws.com" }, Action: "sts:AssumeRole" }],
};
/** As IAM sends it: URL-encoded JSON. */
const enc = (doc: unknown) => encodeURIComponent(JSON.stringify(doc));
export const BROKEN_DOCUMENT = '{"Version": "2012-10-17", "Statement": [';

/** Authorization details served in pages of one entity kind each, like IAM's own Marker paging. */
export function addIam(fake: FakeAws): FakeAws {
  const pages = [
    {
      RoleDetailList: [
        {
          RoleName: "agent-role",
          RoleId: "AROA1",
          Arn: `arn:aws:iam::${ACCOUNT}:role/service/agent-role`,
          Path: "/service/",
          CreateDate: "2025-01-01T00:00:00Z",
          AssumeRolePolicyDocument: enc(TRUST),
          RolePolicyList: [
            { PolicyName: "inline-ok", PolicyDocument: enc(ALLOW_BEDROCK) },
            { PolicyName: "inline-broken", PolicyDocument: encodeURIComponent(BROKEN_DOCUMENT) },
          ],
          AttachedManagedPolicies: [
            { PolicyName: "AmazonBedrockFullAccess", PolicyArn: "arn:aws:iam::aws:policy/AmazonBedrockFullAccess" },
          ],
          PermissionsBoundary: {
            PermissionsBoundaryType: "Policy",
            PermissionsBoundaryArn: `arn:aws:iam::${ACCOUNT}:policy/boundary`,
          },
          Tags: [{ Key: "team", Value: "ml" }],
        },
      ],
    },
    {
      UserDetailList: [
        {
          UserName: "alice",
          UserId: "AIDA1",
          Arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
          Path: "/",
          CreateDate: "2025-01-01T00:00:00Z",
          GroupList: ["ml"],
          UserPolicyList: [],
          AttachedManagedPolicies: [],
        },
        {
          UserName: "bob",
          UserId: "AIDA2",
          Arn: `arn:aws:iam::${ACCOUNT}:user/bob`,
          Path: "/",
          CreateDate: "2025-01-01T00:00:00Z",
          GroupList: [],
        },
      ],
      GroupDetailList: [
        {
          GroupName: "ml",
          GroupId: "AGPA1",
          Arn: `arn:aws:iam::${ACCOUNT}:group/ml`,
          Path: "/",
          CreateDate: "2025-01-01T00:00:00Z",
          GroupPolicyList: [{ PolicyName: "g", PolicyDocument: enc(ALLOW_BEDROCK) }],
        },
      ],
    },
    {
      Policies: [
        {
          PolicyName: "AmazonBedrockFullAccess",
          PolicyId: "P1",
          Arn: "arn:aws:iam::aws:policy/AmazonBedrockFullAccess",
          Path: "/",
          DefaultVersionId: "v3",
          AttachmentCount: 1,
          PolicyVersionList: [
            { VersionId: "v2", IsDefaultVersion: false, Document: enc({ Statement: [] }) },
            { VersionId: "v3", IsDefaultVersion: true, Document: enc(ALLOW_BEDROCK) },
          ],
        },
        {
          PolicyName: "boundary",
          PolicyId: "P2",
          Arn: `arn:aws:iam::${ACCOUNT}:policy/boundary`,
          DefaultVersionId: "v1",
          AttachmentCount: 0,
          PermissionsBoundaryUsageCount: 1,
          PolicyVersionList: [{ VersionId: "v1", IsDefaultVersion: true, Document: enc(ALLOW_BEDROCK) }],
        },
        {
          PolicyName: "unused",
          PolicyId: "P3",
          Arn: `arn:aws:iam::${ACCOUNT}:policy/unused`,
          DefaultVersionId: "v1",
          AttachmentCount: 0,
          PolicyVersionList: [],
        },
      ],
    },
  ];
  const keys = [
    {
      UserName: "alice",
      Status: "Active",
      CreateDate: "2025-02-01T00:00:00Z",
      ExpirationDate: "2026-02-01T00:00:00Z",
      ServiceSpecificCredentialId: "ACCA1",
      ServiceName: "bedrock.amazonaws.com",
    },
    {
      UserName: "alice",
      Status: "Expired",
      CreateDate: "2024-02-01T00:00:00Z",
      ServiceSpecificCredentialId: "ACCA2",
      ServiceName: "bedrock.amazonaws.com",
    },
  ];
  const polls = new Map<string, number>();
  return (
    fake
      .on("iam", "GetAccountAuthorizationDetails", (req) => {
        const index = typeof req.input.Marker === "string" ? Number(req.input.Marker) : 0;
        const next = index + 1 < pages.length ? String(index + 1) : undefined;
        return { ...pages[index], IsTruncated: next !== undefined, Marker: next };
      })
      // Service last accessed: the job is IN_PROGRESS on the first read, as on AWS, then complete.
      .on("iam", "GenerateServiceLastAccessedDetails", (req) => ({ JobId: `job:${String(req.input.Arn)}` }))
      .on("iam", "GetServiceLastAccessedDetails", (req) => {
        const jobId = String(req.input.JobId);
        polls.set(jobId, (polls.get(jobId) ?? 0) + 1);
        if (polls.get(jobId) === 1)
          return { JobStatus: "IN_PROGRESS", JobCreationDate: "2026-11-27T00:00:00Z", ServicesLastAccessed: [] };
        return {
          JobStatus: "COMPLETED",
          JobCreationDate: "2026-11-27T00:00:00Z",
          JobCompletionDate: "2026-11-27T00:00:01Z",
          IsTruncated: false,
          ServicesLastAccessed: [
            {
              ServiceName: "Amazon S3",
              ServiceNamespace: "s3",
              LastAuthenticated: "2026-11-01T00:00:00Z",
              TotalAuthenticatedEntities: 1,
            },
            {
              ServiceName: "Amazon Bedrock",
              ServiceNamespace: "bedrock",
              LastAuthenticated: "2026-10-20T08:00:00Z",
              TotalAuthenticatedEntities: 1,
            },
          ],
        };
      })
      .on("iam", "ListServiceSpecificCredentials", (req) => {
        const p = page(keys, req.input.Marker, 1);
        return { ServiceSpecificCredentials: p.items, IsTruncated: p.next !== undefined, Marker: p.next };
      })
  );
}
