import "server-only";
import type { Writer } from "../layout";
import { multiLine, oneLine } from "../text";
import { COLOR, SIZE } from "../theme";
import type { ReportInput } from "../types";

/** Each person's statement verbatim, with who, when and the attachment's hash (the bundle's manifest lists the file). */
export function renderAttestations(w: Writer, input: ReportInput): void {
  w.startSection("Attestations");
  if (input.attestations.length === 0) {
    w.paragraph("No attestations recorded for this scan.");
    return;
  }
  w.paragraph(
    "An attestation is a person's statement about a MANUAL requirement. It is evidence to weigh, not an automated pass.",
    {
      color: COLOR.muted,
      size: SIZE.small,
    },
  );
  const names = new Map(input.frameworks.map(({ framework }) => [framework.id, framework]));
  for (const a of input.attestations) {
    const framework = names.get(a.frameworkId);
    const title = framework?.requirements.find((r) => r.id === a.requirementId)?.title;
    w.space(4);
    w.ensure(90);
    w.write([
      {
        text: `${oneLine(framework?.name ?? a.frameworkId)} ${oneLine(a.requirementId)}${title ? `: ${oneLine(title)}` : ""}`,
        font: "bold",
        size: SIZE.h3,
      },
    ]);
    w.space(2);
    w.keyValues(
      [
        ["By", oneLine(a.by)],
        ["At", `${oneLine(a.at)} (UTC)`],
        [
          "Attachment",
          a.attachmentName
            ? [
                { text: oneLine(a.attachmentName) },
                { text: `SHA-256 ${a.attachmentSha256 ?? "not recorded"}`, font: "mono", size: SIZE.mono },
              ]
            : "None",
        ],
      ],
      0.2,
    );
    w.write([{ text: "Statement", font: "bold", size: SIZE.small, color: COLOR.muted }]);
    w.paragraph(multiLine(a.text));
    w.rule();
  }
}
