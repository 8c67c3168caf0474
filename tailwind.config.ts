import type { Config } from "tailwindcss";

// Tailwind 4 reads this through `@config` in app/globals.css: the product's tokens live in one place.
const config: Config = {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}", "./hooks/**/*.{ts,tsx}", "./lib/**/*.{ts,tsx}"],
  darkMode: "class",
  theme: {
    extend: {
      fontFamily: {
        sans: ["var(--font-geist-sans)", "ui-sans-serif", "system-ui", "sans-serif"],
        mono: ["var(--font-geist-mono)", "ui-monospace", "monospace"],
      },
      colors: {
        status: {
          pass: "rgb(22 163 74)",
          fail: "rgb(220 38 38)",
          error: "rgb(217 119 6)",
          na: "rgb(100 116 139)",
          manual: "rgb(124 58 237)",
        },
        severity: {
          critical: "rgb(190 18 60)",
          high: "rgb(234 88 12)",
          medium: "rgb(202 138 4)",
          low: "rgb(37 99 235)",
        },
      },
    },
  },
};

export default config;
