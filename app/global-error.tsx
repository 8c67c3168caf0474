"use client";

export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: 48 }}>
        <h1>Strata hit an unexpected error</h1>
        <p>The error was logged on the server. Try again, and tell your administrator if it keeps happening.</p>
        <button type="button" onClick={reset}>
          Try again
        </button>
      </body>
    </html>
  );
}
