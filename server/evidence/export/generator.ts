import pkg from "@/package.json";

/** Who made a bundle, as its manifest, findings.json, OCSF and OSCAL documents name it. */
export const GENERATOR = { name: "strata", version: pkg.version } as const;
