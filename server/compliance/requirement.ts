import "server-only";
import type { Requirement } from "@/lib/schemas/compliance";

type Inherited = NonNullable<Requirement["awsInherited"]>;

/** A compact row for the larger catalogs: `manual` is always stated, never inferred from empty checks. */
export function req(
  id: string,
  title: string,
  customerMustShow: string,
  checks: readonly string[],
  manual: boolean,
  awsInherited?: Inherited,
): Requirement {
  return { id, title, customerMustShow, checks: [...checks], manual, ...(awsInherited && { awsInherited }) };
}
