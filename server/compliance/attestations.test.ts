import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES, type TestDb } from "@/server/db/testing";
import { NotFoundError, ValidationError } from "@/server/http/errors";
import { insertScan } from "@/server/scans/repository";
import { sha256Hex } from "@/server/evidence/manifest";
import { addAttestation, getAttestationAttachment, listAttestations, MAX_ATTACHMENT_BYTES } from "./attestations";
import { evaluateFramework } from "./evaluate";
import { getFramework } from "./frameworks";

const T0 = "2026-11-01T00:00:00.000Z";
const soc2 = getFramework("soc2");
const manual = soc2?.requirements.find((r) => r.manual && r.checks.length === 0);
const automated = soc2?.requirements.find((r) => !r.manual);

const base = () => ({
  scanId: "s1",
  frameworkId: "soc2",
  requirementId: manual?.id ?? "",
  by: "ana@example.com",
  at: "2026-11-02T10:00:00.000Z",
  text: "Quarterly access review done; minutes attached.",
});

describe.each(ENGINES)("attestations on %s", (_name, open) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
    // Only one scan may be active at a time, so each is marked finished before the next.
    for (const id of ["s1", "s2"]) {
      await insertScan(t.db, { id, source: "demo", requestedBy: "a@b", settings: {}, now: T0 });
      await t.db.updateTable("scans").set({ status: "completed" }).where("id", "=", id).execute();
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it("stores an attestation with its attachment and lists it without the bytes", async () => {
    const bytes = Buffer.from("%PDF-1.7 minutes");
    const stored = await addAttestation(t.db, { ...base(), attachment: { name: "minutes.pdf", bytes } });
    await addAttestation(t.db, { ...base(), scanId: "s2" });

    const listed = await listAttestations(t.db, "s1");
    expect(listed).toEqual([{ ...base(), id: stored.id, attachmentName: "minutes.pdf", attachmentSha256: sha256Hex(bytes) }]);
    expect(await listAttestations(t.db, "s1", "hipaa")).toEqual([]);
    expect(await getAttestationAttachment(t.db, stored.id)).toEqual({
      name: "minutes.pdf",
      sha256: sha256Hex(bytes),
      bytes,
    });
    if (!soc2 || !manual) throw new Error("soc2 needs a manual requirement");
    const evaluation = evaluateFramework(soc2, [], { attestations: listed });
    expect(evaluation.requirements.find((r) => r.requirementId === manual.id)?.status).toBe("ATTESTED");
  });

  it("rejects a requirement that is automated, unknown or in another framework", async () => {
    await expect(addAttestation(t.db, { ...base(), requirementId: automated?.id })).rejects.toThrow(
      /settled by automated checks; only MANUAL requirements take an attestation/,
    );
    await expect(addAttestation(t.db, { ...base(), requirementId: "CC9.9" })).rejects.toThrow("soc2 has no requirement CC9.9.");
    await expect(addAttestation(t.db, { ...base(), frameworkId: "hipaa" })).rejects.toBeInstanceOf(ValidationError);
  });

  it("rejects bad input, a missing scan and an attachment over the cap", async () => {
    await expect(addAttestation(t.db, { ...base(), text: "" })).rejects.toThrow(/Invalid attestation: text/);
    await expect(addAttestation(t.db, { ...base(), text: "x".repeat(10_001) })).rejects.toBeInstanceOf(ValidationError);
    await expect(addAttestation(t.db, { ...base(), scanId: "nope" })).rejects.toBeInstanceOf(NotFoundError);
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    await expect(addAttestation(t.db, { ...base(), attachment: { name: "big.bin", bytes: big } })).rejects.toThrow(
      /larger than 5 MB/,
    );
    expect(await listAttestations(t.db, "nope")).toEqual([]);
  });

  it("has no attachment for an attestation without one", async () => {
    const plain = await addAttestation(t.db, { ...base(), scanId: "s2", at: "2026-11-03T10:00:00.000Z" });
    await expect(getAttestationAttachment(t.db, plain.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});
