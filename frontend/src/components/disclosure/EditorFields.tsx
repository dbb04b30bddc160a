import { useTranslation } from "react-i18next";
import type { CommunityKind, DisclosureKind, FinanceCadence } from "../../gql/graphql";
import { kindLabel } from "../../lib/disclosure";
import type { Draft } from "../../lib/disclosureEditor";
import { periodLabel, recentPeriods, unitOf } from "../../lib/disclosurePeriod";
import { SelectField, TextArea, TextField } from "../ui";

/** periodChoices are the periods a kind may be disclosed for: months or quarters up to now; a day for events and decisions. */
export function periodChoices(kind: DisclosureKind, cadence: FinanceCadence, today: string): string[] | null {
  if (kind === "FINANCE") return recentPeriods(cadence === "QUARTERLY" ? "QUARTER" : "MONTH", today, cadence === "QUARTERLY" ? 8 : 13);
  if (kind === "VILLAGE") return recentPeriods("QUARTER", today, 8);
  return null;
}

/** defaultPeriod is the usual period to disclose: the one that just ended, or today for an event. */
export function defaultPeriod(kind: DisclosureKind, cadence: FinanceCadence, today: string): string {
  const choices = periodChoices(kind, cadence, today);
  return choices ? choices[1] ?? choices[0] : today;
}

/**
 * KindPeriodFields choose a new disclosure's kind and period: a month or
 * quarter for finance (by the schedule's cadence), a quarter for village
 * affairs, the day of the event or decision for the others. Once drafted,
 * they are fixed, and shown as text.
 */
export function KindPeriodFields({
  draft,
  fixed,
  kinds,
  communityKind,
  cadence,
  today,
  errors,
  onChange,
}: {
  draft: Draft;
  fixed: boolean;
  kinds: DisclosureKind[];
  communityKind: CommunityKind;
  cadence: FinanceCadence;
  today: string;
  errors: Record<string, string>;
  onChange: (patch: Partial<Draft>, field: string) => void;
}) {
  const { t, i18n } = useTranslation();
  if (fixed) {
    return (
      <p className="tags">
        <span className="tag tag-kind">{kindLabel(t, draft.kind, communityKind)}</span>
        <span className="tag">{periodLabel(draft.period, i18n.language)}</span>
      </p>
    );
  }
  const choices = periodChoices(draft.kind, cadence, today);
  return (
    <div className="field-pair">
      <SelectField
        label={t("disclosure.editor.kind")}
        value={draft.kind}
        error={errors.kind}
        onChange={(e) => {
          const kind = e.target.value as DisclosureKind;
          onChange({ kind, period: defaultPeriod(kind, cadence, today) }, "kind");
        }}
      >
        {kinds.map((k) => (
          <option key={k} value={k}>
            {kindLabel(t, k, communityKind)}
          </option>
        ))}
      </SelectField>
      {choices ? (
        <SelectField label={t("disclosure.editor.period")} value={draft.period} error={errors.period} onChange={(e) => onChange({ period: e.target.value }, "period")}>
          {(choices.includes(draft.period) || unitOf(draft.period) !== unitOf(choices[0]) ? choices : [draft.period, ...choices]).map((p) => (
            <option key={p} value={p}>
              {periodLabel(p, i18n.language)}
            </option>
          ))}
        </SelectField>
      ) : (
        <TextField
          label={t(draft.kind === "POWER" ? "disclosure.editor.decidedOn" : "disclosure.editor.eventOn")}
          type="date"
          max={today}
          value={draft.period}
          error={errors.period}
          onChange={(e) => onChange({ period: e.target.value }, "period")}
        />
      )}
    </div>
  );
}

/** TextFields are the title, the text and, for a power item, the decision, who decided, its basis and amount. */
export function TextFields({ draft, errors, onChange }: { draft: Draft; errors: Record<string, string>; onChange: (patch: Partial<Draft>, field: string) => void }) {
  const { t } = useTranslation();
  const bodyRequired = draft.kind === "PARTY" || draft.kind === "VILLAGE";
  const power = (f: keyof Draft["power"]) => (e: { target: { value: string } }) => onChange({ power: { ...draft.power, [f]: e.target.value } }, `power.${f}`);
  return (
    <>
      <TextField
        label={t("disclosure.editor.title")}
        hint={draft.kind === "FINANCE" ? t("disclosure.editor.titleHint") : undefined}
        optional={draft.kind === "FINANCE"}
        maxLength={80}
        value={draft.title}
        error={errors.title}
        onChange={(e) => onChange({ title: e.target.value }, "title")}
      />
      <TextArea
        label={t("disclosure.editor.body")}
        optional={!bodyRequired}
        rows={draft.kind === "FINANCE" ? 3 : 8}
        maxLength={20000}
        value={draft.body}
        error={errors.body}
        onChange={(e) => onChange({ body: e.target.value }, "body")}
      />
      {draft.kind === "POWER" && (
        <fieldset className="check-group">
          <legend>{t("disclosure.power.title")}</legend>
          {errors.power && (
            <p className="field-error">
              <span aria-hidden="true">⚠ </span>
              {errors.power}
            </p>
          )}
          <TextArea label={t("disclosure.power.decision")} rows={3} maxLength={500} value={draft.power.decision} error={errors["power.decision"]} onChange={power("decision")} />
          <TextField label={t("disclosure.power.decidedBy")} hint={t("disclosure.editor.decidedByHint")} maxLength={64} value={draft.power.decidedBy} error={errors["power.decidedBy"]} onChange={power("decidedBy")} />
          <TextArea label={t("disclosure.power.basis")} rows={2} maxLength={500} value={draft.power.basis} error={errors["power.basis"]} onChange={power("basis")} />
          <TextField label={t("disclosure.power.amountYuan")} optional inputMode="decimal" autoComplete="off" value={draft.power.amount} error={errors["power.amount"]} onChange={power("amount")} />
        </fieldset>
      )}
    </>
  );
}
