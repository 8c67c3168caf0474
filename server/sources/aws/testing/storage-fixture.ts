import "server-only";
import { FakeError, type FakeAws } from "./fake-aws";

const ACCOUNT = "111122223333";
export const KEY_POLICY = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "kms:*", Resource: "*" }],
};

/** "locked-logs" in eu-west-1 has every setting; "bare" has none configured (S3's not-found errors). */
export function addS3(fake: FakeAws): FakeAws {
  const isFull = (bucket: unknown) => bucket === "locked-logs";
  const absent = (code: string) => {
    throw new FakeError(code, `The ${code} does not exist`, 404);
  };
  return fake
    .rest(
      "s3",
      "GetBucketLocation",
      "GET /{Bucket}?location",
      (r) =>
        // Verbatim S3 shape: without the xmlns attribute the SDK parses the root text as undefined.
        `<?xml version="1.0" encoding="UTF-8"?><LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${isFull(r.input.Bucket) ? "EU" : ""}</LocationConstraint>`,
    )
    .rest("s3", "GetBucketEncryption", "GET /{Bucket}?encryption", (r) =>
      isFull(r.input.Bucket)
        ? `<ServerSideEncryptionConfiguration><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>aws:kms</SSEAlgorithm><KMSMasterKeyID>arn:aws:kms:eu-west-1:${ACCOUNT}:key/b</KMSMasterKeyID></ApplyServerSideEncryptionByDefault><BucketKeyEnabled>true</BucketKeyEnabled></Rule></ServerSideEncryptionConfiguration>`
        : absent("ServerSideEncryptionConfigurationNotFoundError"),
    )
    .rest("s3", "GetPublicAccessBlock", "GET /{Bucket}?publicAccessBlock", (r) =>
      isFull(r.input.Bucket)
        ? "<PublicAccessBlockConfiguration><BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls><BlockPublicPolicy>true</BlockPublicPolicy></PublicAccessBlockConfiguration>"
        : absent("NoSuchPublicAccessBlockConfiguration"),
    )
    .rest("s3", "GetBucketVersioning", "GET /{Bucket}?versioning", (r) =>
      isFull(r.input.Bucket)
        ? "<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>"
        : "<VersioningConfiguration/>",
    )
    .rest("s3", "GetObjectLockConfiguration", "GET /{Bucket}?object-lock", (r) =>
      isFull(r.input.Bucket)
        ? "<ObjectLockConfiguration><ObjectLockEnabled>Enabled</ObjectLockEnabled></ObjectLockConfiguration>"
        : absent("ObjectLockConfigurationNotFoundError"),
    )
    .rest("s3", "GetBucketLogging", "GET /{Bucket}?logging", (r) =>
      isFull(r.input.Bucket)
        ? "<BucketLoggingStatus><LoggingEnabled><TargetBucket>t</TargetBucket><TargetPrefix>p/</TargetPrefix></LoggingEnabled></BucketLoggingStatus>"
        : "<BucketLoggingStatus/>",
    );
}

/** "k-sym" is a rotating customer key; "k-rsa" is asymmetric, so rotation must not even be asked. */
export function addKms(fake: FakeAws): FakeAws {
  const meta = (id: string) => ({
    KeyId: id,
    Arn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/${id}`,
    KeyManager: "CUSTOMER",
    KeyState: "Enabled",
    CreationDate: 1735689600,
    KeySpec: id === "k-rsa" ? "RSA_2048" : "SYMMETRIC_DEFAULT",
    KeyUsage: id === "k-rsa" ? "SIGN_VERIFY" : "ENCRYPT_DECRYPT",
  });
  const resolve = (keyId: unknown) =>
    String(keyId)
      .replace(/^alias\/sym$/, "k-sym")
      .split("/")
      .pop() ?? "";
  return fake
    .on("kms", "DescribeKey", (r) => ({ KeyMetadata: meta(resolve(r.input.KeyId)) }))
    .on("kms", "GetKeyPolicy", (r) => ({
      PolicyName: "default",
      Policy: r.input.KeyId === "k-rsa" ? "{not json" : JSON.stringify(KEY_POLICY),
    }))
    .on("kms", "GetKeyRotationStatus", (r) => {
      if (r.input.KeyId === "k-rsa") throw new FakeError("UnsupportedOperationException", "asymmetric keys cannot rotate");
      return { KeyRotationEnabled: true };
    });
}
