import { useTranslation } from "react-i18next";
import type { Weekday } from "../../gql/graphql";
import { PERIODS, WEEKDAYS, cellKey, parseTime, timeText, toggleCell, type Availability } from "../../lib/volunteer";
import { SelectField, TextField } from "../ui";

/** CustomSlotDraft is a custom slot as typed: its times as text until they are sent. */
export interface CustomSlotDraft {
  weekday: Weekday;
  start: string;
  end: string;
}

/** AvailabilityDraft is the form's availability: the grid's cells on, and the custom slots as typed. */
export interface AvailabilityDraft {
  cells: string[];
  custom: CustomSlotDraft[];
}

/** draftOf turns saved availability into the form's draft. */
export function draftOf(a: Availability): AvailabilityDraft {
  return { cells: a.cells, custom: a.custom.map((s) => ({ weekday: s.weekday, start: timeText(s.start), end: timeText(s.end) })) };
}

/** availabilityOfDraft reads the draft's times; a time that cannot be read is -1, which the server names. */
export function availabilityOfDraft(d: AvailabilityDraft): Availability {
  return { cells: d.cells, custom: d.custom.map((s) => ({ weekday: s.weekday, start: parseTime(s.start) ?? -1, end: parseTime(s.end) ?? -1 })) };
}

/**
 * AvailabilityGrid is a volunteer's weekly availability: a grid of seven
 * days by 上午 (08–12), 下午 (13–17) and 晚上 (18–21), each a large toggle,
 * and below it other hours as slots of their own (其他时段) with their day,
 * start and end. Errors stand under the grid, or next to the custom slot
 * they are about.
 */
export function AvailabilityGrid({
  value,
  onChange,
  gridError,
  customErrors,
}: {
  value: AvailabilityDraft;
  onChange: (v: AvailabilityDraft) => void;
  gridError?: string;
  customErrors: readonly (string | undefined)[];
}) {
  const { t } = useTranslation();
  const toggle = (day: Weekday, period: (typeof PERIODS)[number]["key"]) => {
    const next = toggleCell({ cells: value.cells, custom: [] }, day, period);
    onChange({ ...value, cells: next.cells });
  };
  const setCustom = (i: number, s: CustomSlotDraft | null) => {
    const custom = [...value.custom];
    if (s) custom[i] = s;
    else custom.splice(i, 1);
    onChange({ ...value, custom });
  };
  return (
    <fieldset className={gridError ? "check-group field-invalid availability" : "check-group availability"}>
      <legend>{t("volunteer.profile.weekly")}</legend>
      <p className="field-hint">{t("volunteer.profile.weeklyHint")}</p>
      <table className="avail-grid">
        <caption className="visually-hidden">{t("volunteer.profile.weekly")}</caption>
        <thead>
          <tr>
            <td />
            {PERIODS.map((p) => (
              <th key={p.key} scope="col">
                <span className="avail-period">{t(`volunteer.periods.${p.key}`)}</span>
                <span className="avail-hours">
                  {p.start / 60}–{p.end / 60}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {WEEKDAYS.map((d) => (
            <tr key={d}>
              <th scope="row" className="avail-day">
                {t(`volunteer.weekdays.${d}`)}
              </th>
              {PERIODS.map((p) => {
                const on = value.cells.includes(cellKey(d, p.key));
                return (
                  <td key={p.key}>
                    <button
                      type="button"
                      className="avail-cell"
                      aria-pressed={on}
                      aria-label={t("volunteer.profile.cellLabel", { day: t(`volunteer.weekdays.${d}`), period: t(`volunteer.periods.${p.key}`) })}
                      onClick={() => toggle(d, p.key)}
                    >
                      {on ? "✓" : ""}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {gridError && (
        <p className="field-error">
          <span aria-hidden="true">⚠ </span>
          {gridError}
        </p>
      )}
      {value.custom.length > 0 && <h3 className="sub-title">{t("volunteer.profile.custom")}</h3>}
      {value.custom.map((s, i) => (
        <div key={i} className={customErrors[i] ? "custom-slot field-invalid" : "custom-slot"} role="group" aria-label={t("volunteer.profile.customN", { n: i + 1 })}>
          <SelectField label={t("volunteer.profile.day")} value={s.weekday} onChange={(e) => setCustom(i, { ...s, weekday: e.target.value as Weekday })}>
            {WEEKDAYS.map((d) => (
              <option key={d} value={d}>
                {t(`volunteer.weekdays.${d}`)}
              </option>
            ))}
          </SelectField>
          <div className="field-pair">
            <TextField label={t("volunteer.profile.from")} type="time" step={900} value={s.start} onChange={(e) => setCustom(i, { ...s, start: e.target.value })} />
            <TextField label={t("volunteer.profile.to")} type="time" step={900} value={s.end} onChange={(e) => setCustom(i, { ...s, end: e.target.value })} />
          </div>
          {customErrors[i] && (
            <p className="field-error">
              <span aria-hidden="true">⚠ </span>
              {customErrors[i]}
            </p>
          )}
          <button type="button" className="btn btn-small" onClick={() => setCustom(i, null)} aria-label={t("volunteer.profile.removeCustom", { n: i + 1 })}>
            {t("volunteer.profile.remove")}
          </button>
        </div>
      ))}
      <button type="button" className="btn" onClick={() => onChange({ ...value, custom: [...value.custom, { weekday: "SATURDAY", start: "09:00", end: "11:00" }] })}>
        + {t("volunteer.profile.addCustom")}
      </button>
    </fieldset>
  );
}
