import "server-only";
import type { Writer } from "../layout";
import { oneLine } from "../text";
import { COLOR, SIZE } from "../theme";
import type { ReportInput } from "../types";

/** The part of each requirement AWS operates and attests under the shared-responsibility model. */
export function renderInherited(w: Writer, input: ReportInput): void {
  w.startSection("AWS-inherited scope");
  w.paragraph(
    "These parts are operated and attested by AWS for Amazon Bedrock; the customer relies on AWS's own reports for them (obtain them from AWS Artifact). Strata does not test them.",
    { color: COLOR.muted, size: SIZE.small },
  );
  let any = false;
  for (const { framework } of input.frameworks) {
    const inherited = framework.requirements.filter((r) => r.awsInherited);
    if (inherited.length === 0) continue;
    any = true;
    w.heading(`${oneLine(framework.name)} (${oneLine(framework.version)})`, 2);
    w.table(
      [
        { header: "ID", width: 0.12 },
        { header: "Requirement", width: 0.26 },
        { header: "AWS attestation (scope)", width: 0.31 },
        { header: "Part AWS operates", width: 0.31 },
      ],
      inherited.map((r) => [
        [{ text: oneLine(r.id), font: "bold" }],
        oneLine(r.title),
        oneLine(r.awsInherited?.scope ?? ""),
        oneLine(r.awsInherited?.part ?? ""),
      ]),
    );
  }
  if (!any) w.paragraph("No requirement of the exported frameworks has an AWS-inherited part.");
}
