import "server-only";
import { AssumeRoleCommand, type STSClient } from "@aws-sdk/client-sts";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@aws-sdk/types";

/** Renew this long before expiry, so a request signed just before never reaches AWS expired. */
const REFRESH_MARGIN_MS = 5 * 60_000;

export type AssumeRoleParams = { roleArn: string; externalId?: string; sessionName: string; durationSeconds?: number };

/**
 * Credentials for a role, assumed lazily through `sts` (which holds the hub credentials) and renewed
 * before they expire: a scan of a large estate can outlive one session. Concurrent callers share one
 * AssumeRole call. Failures are not cached, so a later call retries.
 */
export function assumeRoleProvider(sts: STSClient, params: AssumeRoleParams): AwsCredentialIdentityProvider {
  let current: AwsCredentialIdentity | undefined;
  let pending: Promise<AwsCredentialIdentity> | undefined;
  const fresh = () =>
    current?.expiration !== undefined && current.expiration.getTime() - Date.now() > REFRESH_MARGIN_MS ? current : undefined;

  const assume = async (): Promise<AwsCredentialIdentity> => {
    const out = await sts.send(
      new AssumeRoleCommand({
        RoleArn: params.roleArn,
        RoleSessionName: params.sessionName,
        DurationSeconds: params.durationSeconds ?? 3600,
        ...(params.externalId === undefined ? {} : { ExternalId: params.externalId }),
      }),
    );
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken || !c.Expiration) {
      throw new Error(`sts:AssumeRole for ${params.roleArn} returned no credentials`);
    }
    return {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      sessionToken: c.SessionToken,
      expiration: c.Expiration,
    };
  };

  return async () => {
    const valid = fresh();
    if (valid) return valid;
    pending ??= assume()
      .then((creds) => (current = creds))
      .finally(() => (pending = undefined));
    return pending;
  };
}
