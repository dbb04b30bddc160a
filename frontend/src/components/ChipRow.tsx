import { useEffect, useRef } from "react";
import type { Chip } from "../lib/members";

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
