import "server-only";
import { agentData, bedrockData } from "./scale-estate-bedrock-data";
import { MIN_KEYS, bucketName, keyArn, parseBucket, rng, times, type EstateContext, type Rng } from "./scale-estate-kit";

/**
 * One account × region's resources for the scale estate, generated from a PRNG seeded by account and
 * region; handlers (scale-estate-*.ts) page and look them up.
 */

function network(r: Rng, account: string, region: string) {
  const vpcs = times(r.int(1, 4), (i) => ({
    vpcId: `vpc-${r.id(17, "0123456789abcdef")}`,
    cidrBlock: `10.${i}.0.0/16`,
    isDefault: i === 0 ? "true" : "false",
    state: "available",
    ownerId: account,
    cidrBlockAssociationSet: [{ cidrBlock: `10.${i}.0.0/16`, associationId: `vpc-cidr-assoc-${r.id(8)}` }],
  }));
  const vpcId = () => r.pick(vpcs).vpcId;
  const groups = times(r.int(3, 15), (i) => ({
    groupId: `sg-${r.id(17, "0123456789abcdef")}`,
    groupName: `sg-${i}`,
    vpcId: vpcId(),
    ownerId: account,
    groupDescription: "managed by terraform",
    ipPermissions: [
      {
        ipProtocol: "tcp",
        fromPort: 443,
        toPort: 443,
        ipRanges: [{ cidrIp: r.chance(0.15) ? "0.0.0.0/0" : "10.0.0.0/8" }],
      },
    ],
    ipPermissionsEgress: [{ ipProtocol: "-1", ipRanges: [{ cidrIp: "0.0.0.0/0" }] }],
  }));
  const services = ["bedrock-runtime", "bedrock-agent-runtime", "bedrock", "bedrock-agent", "logs", "kms"];
  const endpoints = times(r.int(0, 6), (i) => ({
    vpcEndpointId: `vpce-${r.id(17, "0123456789abcdef")}`,
    vpcId: vpcId(),
    serviceName: `com.amazonaws.${region}.${services[i % services.length] ?? "s3"}`,
    vpcEndpointType: "Interface",
    state: "available",
    privateDnsEnabled: "true",
    policyDocument: JSON.stringify(
      r.chance(0.6)
        ? { Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }] }
        : {
            Statement: [
              {
                Effect: "Allow",
                Principal: { AWS: `arn:aws:iam::${account}:root` },
                Action: "bedrock:InvokeModel",
                Resource: "*",
              },
            ],
          },
    ),
    groupSet: [{ groupId: r.pick(groups).groupId, groupName: "endpoints" }],
  }));
  return { vpcs, groups, endpoints };
}

function audit(r: Rng, account: string, region: string, key: () => string, ctx: EstateContext, logging: boolean) {
  const names = [
    ...(logging ? ["/aws/bedrock/model-invocations"] : []),
    ...times(r.int(15, 80), (i) => r.pick(["/aws/lambda/fn", "/aws/ecs/svc", "/app/api", "/aws/apigateway/access"]) + `-${i}`),
  ];
  const logGroups = names.map((logGroupName) => ({
    logGroupName,
    creationTime: 1735689600000,
    storedBytes: 1024,
    arn: `arn:aws:logs:${region}:${account}:log-group:${logGroupName}:*`,
    logGroupArn: `arn:aws:logs:${region}:${account}:log-group:${logGroupName}`,
    ...(r.chance(0.3) ? { kmsKeyId: key() } : {}),
    ...(r.chance(0.6) ? { retentionInDays: r.pick([30, 90, 365, 731]) } : {}),
  }));
  const alarms = times(r.int(5, 60), (i) => ({
    AlarmName: `alarm-${i}`,
    AlarmArn: `arn:aws:cloudwatch:${region}:${account}:alarm:alarm-${i}`,
    Namespace: r.pick(["AWS/Bedrock", "AWS/Lambda", "AWS/ApplicationELB"]),
    MetricName: r.pick(["Invocations", "InvocationThrottles", "Errors", "Latency"]),
    Dimensions: [{ Name: "ModelId", Value: "anthropic.claude-3-haiku-20240307-v1:0" }],
    ActionsEnabled: r.chance(0.8),
    AlarmActions: [`arn:aws:sns:${region}:${account}:alerts`],
    StateValue: r.pick(["OK", "OK", "ALARM", "INSUFFICIENT_DATA"]),
    StateUpdatedTimestamp: 1735689600,
  }));
  const { management, homeRegion } = ctx;
  const orgTrail = {
    Name: "org-trail",
    TrailARN: `arn:aws:cloudtrail:${homeRegion}:${management}:trail/org-trail`,
    HomeRegion: homeRegion,
    IsMultiRegionTrail: true,
    IsOrganizationTrail: true,
    LogFileValidationEnabled: true,
    S3BucketName: bucketName("org-trail", 0, management, homeRegion),
    KmsKeyId: keyArn(management, homeRegion, 0),
  };
  const localTrail =
    region === homeRegion && rng(`trail:${account}`).chance(0.4)
      ? [
          {
            Name: "account-trail",
            TrailARN: `arn:aws:cloudtrail:${region}:${account}:trail/account-trail`,
            HomeRegion: region,
            IsMultiRegionTrail: false,
            IsOrganizationTrail: false,
            LogFileValidationEnabled: r.chance(0.5),
            S3BucketName: bucketName("trail", 0, account, region),
          },
        ]
      : [];
  const stores = times(r.chance(0.3) ? r.int(1, 2) : 0, (i) => ({
    EventDataStoreArn: `arn:aws:cloudtrail:${region}:${account}:eventdatastore/${r.id(12)}`,
    Name: `store-${i}`,
    Status: "ENABLED",
    MultiRegionEnabled: r.chance(0.5),
    OrganizationEnabled: false,
    RetentionPeriod: 2557,
    CreatedTimestamp: 1735689600,
  }));
  return { logGroups, alarms, trails: [orgTrail, ...localTrail], stores };
}

export function regionEstate(account: string, region: string, ctx: EstateContext) {
  const r = rng(`region:${account}:${region}`);
  const keyCount = r.int(MIN_KEYS, 6);
  const key = () => keyArn(account, region, r.int(0, keyCount - 1));
  const b = bedrockData(r, account, region, key);
  const agents = agentData(r, account, region, key, b.guardrailRef);
  const logging = "loggingConfig" in b.logging;
  return { ...b, ...agents, ...network(r, account, region), ...audit(r, account, region, key, ctx, logging) };
}
export type RegionEstate = ReturnType<typeof regionEstate>;

/** S3 settings of a bucket, from its name alone (a mix of configured, partial and absent). */
export function bucketSettings(name: string) {
  const r = rng(`bucket:${name}`);
  const owner = parseBucket(name);
  const encryption = r.int(0, 19);
  return {
    region: owner?.region ?? "us-east-1",
    kmsKey: encryption < 12 && owner !== undefined ? keyArn(owner.account, owner.region, r.int(0, MIN_KEYS - 1)) : undefined,
    encryption: encryption < 12 ? "aws:kms" : encryption < 19 ? "AES256" : undefined,
    publicAccessBlock: r.pick(["all", "all", "all", "all", "all", "all", "partial", "absent"] as const),
    versioning: r.pick(["Enabled", "Enabled", "Enabled", "Suspended", undefined] as const),
    objectLock: r.chance(0.1),
    logging: r.chance(0.4),
  };
}
