import { route } from "@/server/http/route";
import { inspectSource } from "@/server/sources";

/** The accounts and regions a scan would cover and where each came from. */
export const GET = route({ permission: "settings:manage" }, async ({ request }) => inspectSource().describe(request.signal));
