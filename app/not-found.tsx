import Link from "next/link";

export default function NotFound() {
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-3 p-6 text-center">
      <p className="text-sm font-semibold text-indigo-600">404</p>
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="text-[var(--muted)]">There is nothing at this address.</p>
      <Link href="/" className="rounded-lg bg-indigo-600 px-4 py-2 text-white hover:bg-indigo-500">
        Back to the overview
      </Link>
    </main>
  );
}
