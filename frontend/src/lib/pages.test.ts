import { describe, expect, it } from "vitest";

// The layout rule of the web UI (STYLE.md, "The web UI"): pages/ holds one
// file per route and never imports another page; what two pages share lives
// in components/ or lib/, which never import a page. Besides keeping the
// pages apart, this is what lets App.tsx load each page's chunk on its own.

// The files' text, through Vite's glob import (`?raw`).
const pageFiles: Record<string, string> = import.meta.glob("../pages/*.{ts,tsx}", { query: "?raw", import: "default", eager: true });
const sharedFiles: Record<string, string> = {
  ...import.meta.glob(["../components/**/*.{ts,tsx}", "!**/*.test.*"], { query: "?raw", import: "default", eager: true }),
  ...import.meta.glob(["./*.{ts,tsx}", "!**/*.test.*"], { query: "?raw", import: "default", eager: true }),
};

/** importsOf returns the module specifiers a file imports, statically or dynamically, or re-exports from. */
function importsOf(text: string): string[] {
  const out: string[] = [];
  const re = /\b(?:import|export)\b[^"';]*?\bfrom\s*["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']\s*\)|\bimport\s*["']([^"']+)["']/g;
  for (const m of text.matchAll(re)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

describe("importsOf", () => {
  it("finds static, type-only, side-effect and dynamic imports and re-exports", () => {
    const text = [
      'import { a } from "./a";',
      'import type { B } from "../b";',
      "import {\n  c,\n  d,\n} from './cd';",
      'import "./styles.css";',
      'const e = () => import("./e");',
      'export { f } from "./f";',
    ].join("\n");
    expect(importsOf(text)).toEqual(["./a", "../b", "./cd", "./styles.css", "./e", "./f"]);
  });
});

describe("pages", () => {
  const pages = Object.entries(pageFiles);

  it("are there to check", () => {
    expect(pages.length).toBeGreaterThan(10);
  });

  it.each(pages)("%s imports no other page", (_, text) => {
    const bad = importsOf(text).filter((s) => s.startsWith("./") || s.includes("/pages/"));
    expect(bad, "move what pages share to components/ or lib/").toEqual([]);
  });
});

describe("components and lib", () => {
  it("include the components in folders", () => {
    expect(Object.keys(sharedFiles).some((f) => f.includes("/components/panel/"))).toBe(true);
  });

  it.each(Object.entries(sharedFiles))("%s imports no page", (_, text) => {
    expect(importsOf(text).filter((s) => s.includes("pages/"))).toEqual([]);
  });
});
