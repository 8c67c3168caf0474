import "server-only";
import type { IamInventory } from "@/server/inventory/iam";
import type { AccountKey } from "../accounts";
import { prodIam } from "./prod";
import { sandboxIam } from "./sandbox";
import { stagingIam } from "./staging";

/** IAM is account-wide: the estate puts the same section in every region of an account. */
export function iamFor(account: AccountKey, now: Date): IamInventory {
  if (account === "prod") return prodIam(now);
  if (account === "staging") return stagingIam(now);
  return sandboxIam(now);
}
