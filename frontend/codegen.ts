import type { CodegenConfig } from "@graphql-codegen/cli";

// Typed operations from the server's printed schema: a schema change that
// breaks an operation or the code using it fails `npm run build`.
const config: CodegenConfig = {
  schema: "../graph/schema.graphql",
  documents: ["src/**/*.{ts,tsx}", "!src/gql/**/*"],
  ignoreNoDocuments: false,
  generates: {
    "./src/gql/": {
      preset: "client",
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: "string" },
        avoidOptionals: { field: true, inputValue: false, object: false },
      },
      presetConfig: { fragmentMasking: false },
    },
  },
  hooks: {},
};
export default config;
