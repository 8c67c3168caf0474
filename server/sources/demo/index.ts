import "server-only";

export { createDemoSource } from "./demo-source";
