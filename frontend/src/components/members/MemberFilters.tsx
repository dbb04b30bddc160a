import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { MAX_MEMBER_SEARCH, type Chip } from "../../lib/members";

/**
 * MemberSearch is the name search: the box and its 搜索 button on one line,
 * searching on Enter too. The server's error about the search shows under
 * the box until the words change.
 */
export function MemberSearch({ search, error, onSearch }: { search: string | null; error?: string; onSearch: (q: string | null) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState(search ?? "");
  const shown = query.trim() === (search ?? "") ? error : undefined;
  return (
    <form
      role="search"
      className={shown ? "field field-invalid member-search" : "field member-search"}
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(query.trim() || null);
      }}
    >
      <label htmlFor={id}>{t("members.search")}</label>
      <div className="member-search-row">
        <input
          id={id}
          type="search"
          name="q"
          enterKeyHint="search"
          autoComplete="off"
          maxLength={MAX_MEMBER_SEARCH}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          aria-invalid={shown ? true : undefined}
          aria-describedby={shown ? id + "-error" : undefined}
        />
        <button type="submit" className="btn btn-primary">
          {t("members.searchSubmit")}
        </button>
      </div>
      {shown && (
        <p className="field-error" id={id + "-error"}>
          <span aria-hidden="true">⚠ </span>
          {shown}
        </p>
      )}
    </form>
  );
}

/**
 * ChipRow is a row of filter chips, "all" first, one of them pressed; it
 * scrolls sideways on a narrow screen. Pressing the pressed chip again lets
 * it go. The "all" chip says what the row is; label names it for screen
 * readers.
 */
export function ChipRow<T extends string>({
  label,
  all,
  chips,
  selected,
  onSelect,
}: {
  label: string;
  all: string;
  chips: readonly (Chip & { id: T })[];
  selected: T | null;
  onSelect: (id: T | null) => void;
}) {
  const row = useRef<HTMLDivElement>(null);
  // A chip chosen off screen (by a link, or Back) is scrolled into view.
  useEffect(() => {
    const el = row.current;
    const chip = el?.querySelector<HTMLElement>('[aria-pressed="true"]');
    if (!el || !chip) return;
    if (chip.offsetLeft < el.scrollLeft || chip.offsetLeft + chip.offsetWidth > el.scrollLeft + el.clientWidth) {
      el.scrollLeft = Math.max(0, chip.offsetLeft - 16);
    }
  }, [selected, chips.length]);
  return (
    <div className="chips" role="group" aria-label={label} ref={row}>
      <button type="button" className="chip" aria-pressed={selected === null} onClick={() => onSelect(null)}>
        {all}
      </button>
      {chips.map((c) => (
        <button
          key={c.id}
          type="button"
          className="chip"
          aria-pressed={selected === c.id}
          onClick={() => onSelect(selected === c.id ? null : c.id)}
        >
          {c.label}
        </button>
      ))}
    </div>
  );
}
