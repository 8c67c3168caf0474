/**
 * Runs once when the server starts: a broken configuration stops start-up with a message naming
 * the setting, and the database is migrated before the first request.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { boot } = await import("./server/boot");
  await boot();
}
