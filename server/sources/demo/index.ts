import "server-only";

export { createDemoSource, DemoSource, type DemoSourceOptions } from "./demo-source";
export { COMPANY, DEFAULT_DEMO_NOW, DEMO_ACCOUNTS, DEMO_REGIONS } from "./accounts";
