"use client";

import { useMutation } from "@tanstack/react-query";
import { testConnectionRequest } from "@/lib/queries/source";

/** The connection test of one account: `data` is the last result, `error` an ApiError when the request itself failed. */
export function useConnectionTest(accountId: string) {
  return useMutation({ mutationKey: ["source", "test", accountId], mutationFn: () => testConnectionRequest(accountId) });
}
