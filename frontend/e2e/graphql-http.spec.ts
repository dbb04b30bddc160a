import { expect, test } from "@playwright/test";
import { auditServer } from "graphql-http";

// The GraphQL-over-HTTP audit (graphql-http's auditServer, every MUST,
// SHOULD and MAY it checks) against the real binary: nothing may fail,
// warn or be left as a notice.
test("the GraphQL endpoint passes the graphql-http audit", async ({ baseURL }) => {
  const results = await auditServer({ url: `${baseURL}/graphql` });
  const notOK = results.filter((r) => r.status !== "ok").map((r) => `${r.status} ${r.id} ${r.name}: ${"reason" in r ? r.reason : ""}`);
  console.log(`graphql-http audit: ${results.length} checks, ${results.length - notOK.length} ok`);
  expect(notOK).toEqual([]);
});
