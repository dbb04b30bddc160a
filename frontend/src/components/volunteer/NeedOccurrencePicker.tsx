import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { occurrenceTag, spanText } from "../../lib/volunteer";
import { SelectField } from "../ui";
import type { OccurrenceView } from "./NeedTypes";

/**
 * useOccurrence is the occurrence a staff tab is about: the one named in
 * the address (?occ=, as a to-do links it), else the one fallback picks,
 * else the first; and a way to choose another, kept in the address.
 */
export function useOccurrence(occurrences: readonly OccurrenceView[], fallback: (o: OccurrenceView) => boolean): [OccurrenceView | undefined, (id: string) => void] {
  const [params, setParams] = useSearchParams();
  const asked = params.get("occ");
  const o = occurrences.find((x) => x.id === asked) ?? occurrences.find(fallback) ?? occurrences[0];
  const choose = (id: string) => {
    const next = new URLSearchParams(params);
    next.set("occ", id);
    setParams(next, { replace: true });
  };
  return [o, choose];
}

/** NeedOccurrencePicker chooses one occurrence of a weekly need; a one-off need has nothing to choose. */
export function NeedOccurrencePicker({ occurrences, current, onChoose, zone }: { occurrences: readonly OccurrenceView[]; current: OccurrenceView; onChoose: (id: string) => void; zone: string }) {
  const { t, i18n } = useTranslation();
  if (occurrences.length < 2) return null;
  return (
    <SelectField label={t("volunteer.occ.pick")} value={current.id} onChange={(e) => onChoose(e.target.value)}>
      {occurrences.map((o) => (
        <option key={o.id} value={o.id}>
          {t("volunteer.occ.index", { index: o.index })} · {spanText(o.start, o.end, i18n.language, zone)} · {t(`volunteer.occStates.${occurrenceTag(o).key}`)}
        </option>
      ))}
    </SelectField>
  );
}
