import { useId, useState } from "react";
import { useTranslation } from "react-i18next";

/**
 * SearchBox is a list's search: the box and its 搜索 button on one line,
 * searching on Enter too, with a button that clears a search in force
 * (clearLabel). The server's error about the search shows under the box
 * until the words change. Give it key={search} so that it follows the
 * address.
 */
export function SearchBox({
  label,
  maxLength,
  search,
  error,
  clearLabel,
  onSearch,
}: {
  label: string;
  maxLength: number;
  search: string | null;
  error?: string;
  clearLabel?: string;
  onSearch: (q: string | null) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState(search ?? "");
  const shown = query.trim() === (search ?? "") ? error : undefined;
  return (
    <form
      role="search"
      className={shown ? "field field-invalid search-box" : "field search-box"}
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(query.trim() || null);
      }}
    >
      <label htmlFor={id}>{label}</label>
      <div className="search-box-row">
        <input
          id={id}
          type="search"
          name="q"
          enterKeyHint="search"
          autoComplete="off"
          maxLength={maxLength}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          aria-invalid={shown ? true : undefined}
          aria-describedby={shown ? id + "-error" : undefined}
        />
        <button type="submit" className="btn btn-primary">
          {t("app.search")}
        </button>
        {search && clearLabel && (
          <button
            type="button"
            className="btn btn-quiet"
            onClick={() => {
              setQuery("");
              onSearch(null);
            }}
          >
            {clearLabel}
          </button>
        )}
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

