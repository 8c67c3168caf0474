import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session";
import { ENGINES, type TestDb } from "@/server/db/testing";
import { ConflictError, ForbiddenError, NotFoundError } from "@/server/http/errors";
import { createView, deleteView, listViews } from "./views";

const ana: SessionUser = { id: "ana", name: "Ana Analyst", email: "ana@example.test", role: "analyst" };
const otto: SessionUser = { id: "otto", name: "Otto Auditor", email: null, role: "auditor" };
const ada: SessionUser = { id: "ada", name: "Ada Admin", email: null, role: "admin" };

describe.each(ENGINES)("saved views on %s", (_engine, open) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
  });
  afterAll(() => t.close());

  it("stores a personal and a shared view; others see only the shared one, owners first", async () => {
    const personal = await createView(t.db, ana, { name: "Night errors", query: "?err=1&p=24h", shared: false });
    const shared = await createView(t.db, ana, { name: "Alpha: PII", query: "pt=pii", shared: true });
    await createView(t.db, otto, { name: "Audit sample", query: "m=nova", shared: false });
    expect(personal.query).toBe("err=1&p=24h");

    expect((await listViews(t.db, ana)).map((v) => v.name)).toEqual(["Alpha: PII", "Night errors"]);
    const forOtto = await listViews(t.db, otto);
    expect(forOtto.map((v) => [v.name, v.ownerName, v.canDelete])).toEqual([
      ["Audit sample", "Otto Auditor", true],
      ["Alpha: PII", "Ana Analyst", false],
    ]);
    expect(forOtto.find((v) => v.id === shared.id)?.shared).toBe(true);
  });

  it("refuses a second view of the same name, whatever its case", async () => {
    await expect(createView(t.db, ana, { name: "NIGHT ERRORS", query: "", shared: false })).rejects.toBeInstanceOf(ConflictError);
  });

  it("lets only the owner delete a personal view, and hides it from others", async () => {
    const [mine] = (await listViews(t.db, ana)).filter((v) => v.name === "Night errors");
    await expect(deleteView(t.db, otto, mine!.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteView(t.db, ada, mine!.id)).rejects.toBeInstanceOf(NotFoundError);
    await deleteView(t.db, ana, mine!.id);
    expect((await listViews(t.db, ana)).map((v) => v.name)).toEqual(["Alpha: PII"]);
  });

  it("lets an admin, but not another user, delete a shared view", async () => {
    const [shared] = await listViews(t.db, otto).then((vs) => vs.filter((v) => v.shared));
    await expect(deleteView(t.db, otto, shared!.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await listViews(t.db, ada)).find((v) => v.id === shared!.id)?.canDelete).toBe(true);
    await deleteView(t.db, ada, shared!.id);
    expect(await listViews(t.db, ana)).toEqual([]);
  });
});
