import "server-only";
import { FakeError, page, type FakeRequest } from "./fake-aws";
import { callerAccount, callerRegion } from "./org-estate";
import { PAGE, find, parseBucket, rng, type EstateOf, type On, type Rest } from "./scale-estate-kit";
import { bucketSettings } from "./scale-estate-region-data";

/** EC2, CloudWatch Logs, CloudWatch, CloudTrail, S3 and KMS handlers of the scale estate. */

export function addNetworkAndAudit(on: On, estate: EstateOf) {
  on("ec2", "DescribeVpcs", (req) => ({ vpcSet: estate(req).vpcs }));
  on("ec2", "DescribeVpcEndpoints", (req) => ({ vpcEndpointSet: estate(req).endpoints }));
  on("ec2", "DescribeSecurityGroups", (req) => ({ securityGroupInfo: estate(req).groups }));
  on("logs", "DescribeLogGroups", (req) => {
    const p = page(estate(req).logGroups, req.input.nextToken, PAGE.logs);
    return { logGroups: p.items, nextToken: p.next };
  });
  on("cloudwatch", "DescribeAlarms", (req) => {
    const p = page(estate(req).alarms, req.input.NextToken, PAGE.alarms);
    return { MetricAlarms: p.items, NextToken: p.next };
  });
  on("cloudtrail", "DescribeTrails", (req) => ({ trailList: estate(req).trails }));
  // The organization trail logs; an account's own trail has sometimes been stopped.
  on("cloudtrail", "GetTrailStatus", (req) => ({
    IsLogging: String(req.input.Name).endsWith("org-trail") || rng(`status:${callerAccount(req)}`).chance(0.7),
  }));
  const selectors = [
    {
      Name: "bedrock data events",
      FieldSelectors: [
        { Field: "eventCategory", Equals: ["Data"] },
        { Field: "resources.type", Equals: ["AWS::Bedrock::Model"] },
      ],
    },
  ];
  on("cloudtrail", "GetEventSelectors", (req) =>
    String(req.input.TrailName).endsWith("org-trail")
      ? { TrailARN: req.input.TrailName, AdvancedEventSelectors: selectors }
      : {
          TrailARN: req.input.TrailName,
          EventSelectors: [{ ReadWriteType: "All", IncludeManagementEvents: true, DataResources: [] }],
        },
  );
  on("cloudtrail", "ListEventDataStores", (req) => {
    const p = page(estate(req).stores, req.input.NextToken, PAGE.cloudtrail);
    return { EventDataStores: p.items.map((s) => ({ EventDataStoreArn: s.EventDataStoreArn, Name: s.Name })), NextToken: p.next };
  });
  on("cloudtrail", "GetEventDataStore", (req) => ({
    ...find(estate(req).stores, (s) => s.EventDataStoreArn === req.input.EventDataStore, "event data store"),
    AdvancedEventSelectors: selectors,
  }));
}

const xml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>${body}`;

export function addStorage(on: On, rest: Rest) {
  const bucket = (req: FakeRequest) => {
    const name = String(req.input.Bucket);
    if (parseBucket(name) === undefined) throw new FakeError("NoSuchBucket", `The bucket ${name} does not exist`, 404);
    return bucketSettings(name);
  };
  const absent = (code: string): never => {
    throw new FakeError(code, `The ${code} does not exist`, 404);
  };
  rest("s3", "GetBucketLocation", "GET /{Bucket}?location", (req) => {
    const region = bucket(req).region;
    // Verbatim S3 shape: without the xmlns attribute the SDK parses the root text as undefined.
    return xml(
      `<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${region === "us-east-1" ? "" : region}</LocationConstraint>`,
    );
  });
  rest("s3", "GetBucketEncryption", "GET /{Bucket}?encryption", (req) => {
    const b = bucket(req);
    if (b.encryption === undefined) return absent("ServerSideEncryptionConfigurationNotFoundError");
    const key = b.kmsKey === undefined ? "" : `<KMSMasterKeyID>${b.kmsKey}</KMSMasterKeyID>`;
    return xml(
      `<ServerSideEncryptionConfiguration><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>${b.encryption}</SSEAlgorithm>${key}</ApplyServerSideEncryptionByDefault><BucketKeyEnabled>true</BucketKeyEnabled></Rule></ServerSideEncryptionConfiguration>`,
    );
  });
  rest("s3", "GetPublicAccessBlock", "GET /{Bucket}?publicAccessBlock", (req) => {
    const setting = bucket(req).publicAccessBlock;
    if (setting === "absent") return absent("NoSuchPublicAccessBlockConfiguration");
    const flag = (name: string, value: boolean) => `<${name}>${value}</${name}>`;
    const all = setting === "all";
    return xml(
      `<PublicAccessBlockConfiguration>${flag("BlockPublicAcls", true)}${flag("IgnorePublicAcls", true)}${flag("BlockPublicPolicy", all)}${flag("RestrictPublicBuckets", all)}</PublicAccessBlockConfiguration>`,
    );
  });
  rest("s3", "GetBucketVersioning", "GET /{Bucket}?versioning", (req) => {
    const status = bucket(req).versioning;
    return xml(
      status === undefined
        ? "<VersioningConfiguration/>"
        : `<VersioningConfiguration><Status>${status}</Status></VersioningConfiguration>`,
    );
  });
  rest("s3", "GetObjectLockConfiguration", "GET /{Bucket}?object-lock", (req) =>
    bucket(req).objectLock
      ? xml("<ObjectLockConfiguration><ObjectLockEnabled>Enabled</ObjectLockEnabled></ObjectLockConfiguration>")
      : absent("ObjectLockConfigurationNotFoundError"),
  );
  rest("s3", "GetBucketLogging", "GET /{Bucket}?logging", (req) =>
    xml(
      bucket(req).logging
        ? "<BucketLoggingStatus><LoggingEnabled><TargetBucket>access-logs</TargetBucket><TargetPrefix>s3/</TargetPrefix></LoggingEnabled></BucketLoggingStatus>"
        : "<BucketLoggingStatus/>",
    ),
  );

  // Keys are addressed by ARN (as the collectors pass them) or by bare id in the caller's region.
  const keyOf = (req: FakeRequest) => {
    const ref = String(req.input.KeyId);
    const arn = /^arn:aws:kms:([^:]+):(\d{12}):key\/(.+)$/.exec(ref);
    return arn === null
      ? { id: ref, region: callerRegion(req), account: callerAccount(req) }
      : { id: arn[3] ?? "", region: arn[1] ?? "", account: arn[2] ?? "" };
  };
  const traits = (id: string) => {
    const r = rng(`kms:${id}`);
    return { asymmetric: r.chance(0.1), rotation: r.chance(0.7), openPolicy: r.chance(0.1) };
  };
  on("kms", "DescribeKey", (req) => {
    const k = keyOf(req);
    const { asymmetric } = traits(k.id);
    return {
      KeyMetadata: {
        KeyId: k.id,
        Arn: `arn:aws:kms:${k.region}:${k.account}:key/${k.id}`,
        AWSAccountId: k.account,
        KeyManager: "CUSTOMER",
        KeyState: "Enabled",
        CreationDate: 1735689600,
        KeySpec: asymmetric ? "RSA_2048" : "SYMMETRIC_DEFAULT",
        KeyUsage: asymmetric ? "SIGN_VERIFY" : "ENCRYPT_DECRYPT",
      },
    };
  });
  on("kms", "GetKeyPolicy", (req) => {
    const k = keyOf(req);
    const statements = [
      {
        Sid: "Enable IAM policies",
        Effect: "Allow",
        Principal: { AWS: `arn:aws:iam::${k.account}:root` },
        Action: "kms:*",
        Resource: "*",
      },
      ...(traits(k.id).openPolicy
        ? [{ Sid: "Anyone", Effect: "Allow", Principal: "*", Action: "kms:Decrypt", Resource: "*" }]
        : []),
    ];
    return { PolicyName: "default", Policy: JSON.stringify({ Version: "2012-10-17", Statement: statements }) };
  });
  on("kms", "GetKeyRotationStatus", (req) => {
    const { asymmetric, rotation } = traits(keyOf(req).id);
    if (asymmetric) throw new FakeError("UnsupportedOperationException", "asymmetric keys cannot rotate");
    return { KeyRotationEnabled: rotation };
  });
}
