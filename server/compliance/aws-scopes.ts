import "server-only";

/**
 * What AWS attests for Amazon Bedrock, per program (compliance-mapping.md §3). Where the reference
 * could not confirm the services-in-scope row, the scope says so: an auditor must check Artifact.
 */
export const AWS_SCOPE = {
  soc2: "AWS SOC 2 Type II report; Amazon Bedrock in scope per secondary sources (unverified: confirm in AWS Artifact)",
  iso27001: "AWS ISO/IEC 27001 certificate; Amazon Bedrock in scope per secondary sources (unverified: confirm in AWS Artifact)",
  hipaa: "Amazon Bedrock is on the AWS HIPAA Eligible Services Reference (secondary source, 2026-06-12); requires a signed BAA",
  pci: "AWS PCI DSS Level 1 service provider AoC; Amazon Bedrock in scope per secondary sources (unverified: obtain the AoC and Responsibility Summary)",
  fedramp:
    "FedRAMP per model and partition: U.S. East/West Class C (formerly Moderate); GovCloud (US) Class D (formerly High) and DoD IL4/IL5, per AWS's Bedrock models page (updated 25 Aug 2026)",
  iso42001:
    "AWS ISO/IEC 42001:2023 certification covering Amazon Bedrock (Nov 2024; surveillance audit Nov 2025 with no findings)",
  bedrockDocs: "Amazon Bedrock User Guide, shared responsibility model (applies to every program that covers Bedrock)",
} as const;

/** Bedrock endpoints refuse anything below TLS 1.2; the client side and bucket policies remain the customer's. */
export const TLS_PART =
  "TLS 1.2 or later on every Bedrock endpoint (AWS requires it); the customer configures clients and aws:SecureTransport bucket policies";
export const PHYSICAL_PART = "Physical and environmental security of the data centres and hardware that host Bedrock";
export const SERVICE_IR_PART =
  "Incident response for the Amazon Bedrock service itself; the customer handles incidents in its own use of it";
