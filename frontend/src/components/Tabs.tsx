import { Link, useSearchParams } from "react-router";

/** TabItem is one tab: its key in the address (?tab=key) and its label. */
export interface TabItem<K extends string> {
  key: K;
  label: string;
}

/**
 * useTab reads the current tab from the address (?tab=), falling back to
 * the first of keys; a tab not offered here reads as the first.
 */
export function useTab<K extends string>(keys: readonly K[]): K {
  const [params] = useSearchParams();
  const asked = params.get("tab");
  return keys.find((k) => k === asked) ?? keys[0];
}

/**
 * Tabs is a page's row of at most five tabs, as links to ?tab=key, so a
 * tab can be linked to and survives a reload. The first tab is the
 * address without ?tab. The current one is marked aria-current="page".
 */
export function Tabs<K extends string>({ items, current, label }: { items: readonly TabItem<K>[]; current: K; label: string }) {
  const [params, setParams] = useSearchParams();
  const first = items[0]?.key;
  const hrefOf = (key: K) => {
    const next = new URLSearchParams(params);
    if (key === first) next.delete("tab");
    else next.set("tab", key);
    const q = next.toString();
    return q ? `?${q}` : "?";
  };
  return (
    <nav className="tabs" aria-label={label}>
      {items.map((it) => (
        <Link
          key={it.key}
          to={hrefOf(it.key)}
          className={it.key === current ? "tab tab-current" : "tab"}
          aria-current={it.key === current ? "page" : undefined}
          onClick={(e) => {
            e.preventDefault();
            setParams(new URLSearchParams(hrefOf(it.key).slice(1)), { replace: true });
          }}
        >
          {it.label}
        </Link>
      ))}
    </nav>
  );
}
