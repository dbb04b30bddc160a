import type { CombinedError, TypedDocumentNode } from "@urql/core";
import { useState } from "react";
import { useClient, useQuery, type AnyVariables } from "urql";

/** Conn is the part of a Relay connection a paged list reads. */
export interface Conn<N> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  nodes: N[];
}

/** Paged is a list loaded a page at a time. */
export interface Paged<N> {
  /** the loaded items, undefined until the first page is there */
  nodes: N[] | undefined;
  totalCount: number | undefined;
  hasNextPage: boolean;
  loadMore: () => Promise<void>;
  loadingMore: boolean;
  /** refresh loads again every page that was loaded, from the network */
  refresh: () => Promise<void>;
  error: CombinedError | undefined;
}

/**
 * usePaged loads the first page of a connection with useQuery (so that it
 * is cached and refreshed after mutations like any other query) and further
 * pages on demand with the query's `after` variable. Changing the other
 * variables starts again from the first page.
 */
export function usePaged<D, V extends AnyVariables, N extends { id: string }>(
  query: TypedDocumentNode<D, V>,
  variables: V,
  select: (d: D) => Conn<N> | null | undefined,
  pause = false,
): Paged<N> {
  const client = useClient();
  const [res] = useQuery({ query, variables, pause, requestPolicy: "cache-and-network" });
  const key = JSON.stringify(variables);
  const [more, setMore] = useState<{ key: string; pages: Conn<N>[] }>({ key, pages: [] });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<CombinedError>();
  const pages = more.key === key ? more.pages : [];
  const first = res.data ? select(res.data) ?? undefined : undefined;
  const last = pages.length > 0 ? pages[pages.length - 1] : first;

  const fetchPage = async (after: string | null) => {
    const r = await client.query(query, { ...variables, after } as V, { requestPolicy: "network-only" }).toPromise();
    setMoreError(r.error);
    return r.data ? select(r.data) ?? undefined : undefined;
  };

  const loadMore = async () => {
    if (!last?.pageInfo.hasNextPage || loadingMore) return;
    setLoadingMore(true);
    const page = await fetchPage(last.pageInfo.endCursor ?? null);
    setLoadingMore(false);
    if (page) setMore({ key, pages: [...pages, page] });
  };

  const refresh = async () => {
    let page = await fetchPage(null);
    const again: Conn<N>[] = [];
    for (let i = 0; i < pages.length && page?.pageInfo.hasNextPage; i++) {
      page = await fetchPage(page.pageInfo.endCursor ?? null);
      if (page) again.push(page);
    }
    setMore({ key, pages: again });
  };

  let nodes: N[] | undefined;
  if (first) {
    const seen = new Set<string>();
    nodes = [];
    for (const c of [first, ...pages]) {
      for (const n of c.nodes) {
        if (seen.has(n.id)) continue;
        seen.add(n.id);
        nodes.push(n);
      }
    }
  }
  return {
    nodes,
    totalCount: first?.totalCount,
    hasNextPage: !!last?.pageInfo.hasNextPage,
    loadMore,
    loadingMore,
    refresh,
    error: res.error ?? moreError,
  };
}
