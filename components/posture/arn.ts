/** The parts of an ARN worth showing in a narrow column; anything unparsable is shown whole. */
export function arnParts(arn: string): { service: string | null; resource: string } {
  const parts = arn.split(":");
  if (parts.length < 6 || parts[0] !== "arn") return { service: null, resource: arn };
  return { service: parts[2] || null, resource: parts.slice(5).join(":") || arn };
}
