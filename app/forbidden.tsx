import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-3 p-6 text-center">
      <p className="text-sm font-semibold text-red-600">403</p>
      <h1 className="text-2xl font-semibold">You don&apos;t have access to this page</h1>
      <p className="max-w-md text-[var(--muted)]">
        Your role does not include the permission this page needs. Ask a Strata administrator if you think it should.
      </p>
      <Link href="/" className="rounded-lg bg-indigo-600 px-4 py-2 text-white hover:bg-indigo-500">
        Back to the overview
      </Link>
    </main>
  );
}
