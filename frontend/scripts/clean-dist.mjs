// Empties dist/ before a build but keeps dist/.gitkeep, which lets the Go
// package embed dist/ on a clean clone that has no build.
import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";

const dir = new URL("../dist/", import.meta.url).pathname;
for (const name of readdirSync(dir)) {
  if (name !== ".gitkeep") rmSync(join(dir, name), { recursive: true, force: true });
}
