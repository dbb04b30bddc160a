/// <reference types="vitest/config" />
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "graphql";
import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";

const generated = fileURLToPath(new URL("./src/gql/graphql.ts", import.meta.url));
const DOC = "virtual:graphql-document/";

/**
 * graphqlDocuments does in the build what the client preset's Babel plugin
 * would, and a step more: it replaces each graphql(`…`) call with an import
 * of that one document, which it serves as a module of its own with the
 * document codegen wrote in src/gql/graphql.ts. So a page's chunk carries
 * the documents it uses and no others. With the runtime graphql() of
 * src/gql/gql.ts, every chunk would need the map of all the app's
 * documents; and with imports from src/gql/graphql.ts, that one module
 * would put them all in one chunk. The dev server and the unit tests keep
 * the runtime graphql(); the documents are the same objects either way.
 */
function graphqlDocuments(): Plugin {
  let documents = new Map<string, string>();
  return {
    name: "yishi:graphql-documents",
    apply: "build",
    enforce: "pre",
    buildStart() {
      const text = readFileSync(generated, "utf8");
      const re = /^export const (\w+) = (\{.*\}) as unknown as DocumentNode<.*>;$/gm;
      documents = new Map(Array.from(text.matchAll(re), (m) => [m[1], m[2]]));
    },
    resolveId(id) {
      return id.startsWith(DOC) ? "\0" + id : null;
    },
    load(id) {
      if (!id.startsWith("\0" + DOC)) return null;
      return `export default ${documents.get(id.slice(DOC.length + 1))};\n`;
    },
    transform(code, id) {
      if (!/\/src\/.*\.tsx?$/.test(id) || id.includes("/src/gql/") || !code.includes("graphql(`")) return null;
      const names = new Set<string>();
      const out = code.replace(/\bgraphql\(\s*`([^`]*)`\s*\)/g, (_, source: string) => {
        const def = parse(source).definitions[0];
        const name =
          def?.kind === "OperationDefinition" && def.name
            ? `${def.name.value}Document`
            : def?.kind === "FragmentDefinition"
              ? `${def.name.value}FragmentDoc`
              : "";
        if (!documents.has(name)) {
          this.error(`no generated document ${name || "(unnamed)"} for a graphql() call in ${id}: run npm run codegen`);
        }
        names.add(name);
        return `__gql_${name}`;
      });
      if (names.size === 0) return null;
      // Without a call left, drop the import of graphql() too: its module
      // would keep the map, and the map every document.
      const rest = /\bgraphql\(/.test(out) ? out : out.replace(/^import \{ graphql \} from "(?:\.\.?\/)+gql";\n/m, "");
      const imports = [...names].map((n) => `import __gql_${n} from "${DOC}${n}";\n`).join("");
      return { code: imports + rest, map: null };
    },
  };
}

export default defineConfig({
  plugins: [graphqlDocuments(), react()],
  build: {
    outDir: "dist",
    emptyOutDir: false,
    assetsDir: "assets",
    target: "es2020",
    sourcemap: false,
    // No inline scripts or data: URLs, so the CSP can stay strict.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: { "/graphql": "http://127.0.0.1:8080" },
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
    setupFiles: ["src/test-setup.ts"],
  },
});
