import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type { DisclosureKind } from "../../gql/graphql";
import { KINDS, STATUS_FILTERS, kindLabel, periodUnits, statusArgs, type StatusFilter } from "../../lib/disclosure";
import { periodChoices, periodShortLabel, todayIn, yearsBack } from "../../lib/disclosurePeriod";
import { ChipRow } from "../ChipRow";
import type { DisclosureAbilities, PublicCommunity } from "./publicCommunity";

/** ListFilters are the list's filters as the address holds them (?kind=&status=&year=&period=), each null when not set. */
export interface ListFilters {
  kind: DisclosureKind | null;
  status: StatusFilter | null;
  year: number | null;
  /** a month (2026-10) or quarter (2026-Q4) of year */
  period: string | null;
  /** the years to choose from, newest first */
  years: number[];
  /** the periods of year (of the only year when there is one) to choose from, for kind */
  periods: string[];
  /** whether the viewer edits some kind, and so may list drafts */
  editor: boolean;
}

/** FilterChange sets some of the filters, clearing those set to null. */
type FilterChange = Partial<Record<"kind" | "status" | "year" | "period", string | null>>;

/**
 * useListFilters reads the list's filters from the address, so that they
 * survive a reload and can be linked to; what the viewer cannot choose
 * there (a draft for a non-editor, a month of a kind disclosed by quarter,
 * a year before the record) reads as not set.
 */
export function useListFilters(community: PublicCommunity, can: DisclosureAbilities) {
  const [params, setParams] = useSearchParams();
  const editor = can.committee || can.party;
  const kindParam = params.get("kind") as DisclosureKind | null;
  const kind = kindParam && KINDS.includes(kindParam) ? kindParam : null;
  const statusParam = params.get("status") as StatusFilter | null;
  const status = statusParam && STATUS_FILTERS.includes(statusParam) && (statusParam !== "draft" || editor) ? statusParam : null;
  const today = todayIn(community.settings.timeZone);
  const years = yearsBack(today, community.disclosureSchedule.since);
  const yearParam = Number(params.get("year"));
  const year = years.includes(yearParam) ? yearParam : null;
  // With a single year on the record, its periods are offered without choosing it.
  const periodYear = year ?? (years.length === 1 ? years[0] : null);
  const periods = periodYear ? periodChoices(periodYear, today, periodUnits(kind, community.disclosureSchedule.rules)) : [];
  const periodParam = params.get("period");
  const period = periodParam && periods.includes(periodParam) ? periodParam : null;
  const filters: ListFilters = { kind, status, year, period, years, periods, editor };
  /** set changes some filters; a new kind or year lets the period go, which may not be one of theirs. */
  const set = (change: FilterChange) => {
    const next = new URLSearchParams(params);
    if ("kind" in change || "year" in change) next.delete("period");
    for (const [key, value] of Object.entries(change)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  const clear = () => set({ kind: null, status: null, year: null, period: null });
  return {
    filters,
    set,
    clear,
    filtered: !!(kind || status || year || period),
    /** Community.disclosures' arguments */
    args: { kind, year, period, ...statusArgs(status) },
  };
}

/**
 * ListFilterChips are the list's filter chips: kind, status (drafts for
 * editors only), year, and once a year is chosen (or when there is only
 * one), its months or quarters: those of the chosen kind's cadence, up to
 * today's.
 */
export function ListFilterChips({
  filters,
  communityKind,
  onChange,
}: {
  filters: ListFilters;
  communityKind: PublicCommunity["kind"];
  onChange: (change: FilterChange) => void;
}) {
  const { t, i18n } = useTranslation();
  const { kind, status, year, period, years, periods, editor } = filters;
  const statuses = STATUS_FILTERS.filter((s) => s !== "draft" || editor);
  const quarter = (n: number) => t(`disclosure.quarters.Q${n}`);
  return (
    <>
      <ChipRow
        label={t("disclosure.kindFilter")}
        all={t("disclosure.allKinds")}
        chips={KINDS.map((k) => ({ id: k, label: kindLabel(t, k, communityKind) }))}
        selected={kind}
        onSelect={(k) => onChange({ kind: k })}
      />
      <ChipRow
        label={t("disclosure.statusFilter")}
        all={t("disclosure.allStatuses")}
        chips={statuses.map((s) => ({ id: s, label: t(`disclosure.statuses.${s}`) }))}
        selected={status}
        onSelect={(s) => onChange({ status: s })}
      />
      {years.length > 1 && (
        <ChipRow
          label={t("disclosure.yearFilter")}
          all={t("disclosure.allYears")}
          chips={years.map((y) => ({ id: String(y), label: t("disclosure.year", { year: y }) }))}
          selected={year ? String(year) : null}
          onSelect={(y) => onChange({ year: y })}
        />
      )}
      {periods.length > 0 && (
        <ChipRow
          label={t("disclosure.periodFilter")}
          all={t("disclosure.allPeriods")}
          chips={periods.map((p) => ({ id: p, label: periodShortLabel(p, i18n.language, quarter) }))}
          selected={period}
          onSelect={(p) => onChange({ period: p })}
        />
      )}
    </>
  );
}
