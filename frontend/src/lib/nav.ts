/**
 * safeNext returns a same-site path to go to after logging in: only paths
 * that start with a single "/", so that ?next= cannot send a user to
 * another site.
 */
export function safeNext(next: string | null | undefined, fallback = "/"): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  if (next.startsWith("/login") || next.startsWith("/signup")) return fallback;
  return next;
}
