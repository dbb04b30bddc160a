import { useState } from "react";
import { useTranslation } from "react-i18next";
import { exportHref, type ExportWhat } from "../../lib/disclosure";
import { SelectField } from "../ui";

/**
 * Exports offers a year's published finance items and question log as
 * spreadsheets (XLSX and CSV) that open in Excel and WPS, for anyone, in
 * the page's language.
 */
export function Exports({ code, years, year }: { code: string; years: number[]; year: number }) {
  const { t, i18n } = useTranslation();
  const [chosen, setChosen] = useState(year);
  const what: ExportWhat[] = ["finance", "questions"];
  return (
    <section className="panel" aria-labelledby="disclosure-exports-h">
      <h2 id="disclosure-exports-h">{t("disclosure.exports.title")}</h2>
      <p className="muted small">{t("disclosure.exports.hint")}</p>
      {years.length > 1 && (
        <SelectField label={t("disclosure.exports.year")} value={String(chosen)} onChange={(e) => setChosen(Number(e.target.value))}>
          {years.map((y) => (
            <option key={y} value={y}>
              {t("disclosure.year", { year: y })}
            </option>
          ))}
        </SelectField>
      )}
      <ul className="export-list">
        {what.map((w) => (
          <li key={w}>
            <span className="export-name">{t(`disclosure.exports.${w}`, { year: chosen })}</span>
            <span className="actions">
              {(["xlsx", "csv"] as const).map((f) => (
                <a
                  key={f}
                  className="btn btn-small"
                  href={exportHref(code, w, chosen, f, i18n.language)}
                  download
                  aria-label={t("disclosure.exports.label", { name: t(`disclosure.exports.${w}`, { year: chosen }), format: f.toUpperCase() })}
                >
                  {f.toUpperCase()}
                </a>
              ))}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
