import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { FinanceDirection } from "../../gql/graphql";
import type { Row } from "../../lib/disclosureEditor";
import { parseYuan, formatYuan } from "../../lib/disclosureMoney";
import { periodBounds } from "../../lib/disclosurePeriod";
import { SelectField, TextField } from "../ui";

/** Category is an account of the chart, with its parent when it is a sub-category. */
export interface Category {
  code: string;
  label: string;
  parent: string | null;
  direction: FinanceDirection;
}

/** LinkTarget is a resolution or topic of the community that an item's money may have served. */
export interface LinkTarget {
  id: string;
  label: string;
}

/**
 * ItemsEditor edits a finance period's items, one card a row: the date
 * (within the period), income or spending, the account, the amount in
 * yuan, what it was for, the counterparty, the voucher and the resolution
 * or topic the money served. Each field shows the server's error for it
 * (items[3].amount under row 4's amount).
 */
export function ItemsEditor({
  rows,
  period,
  categories,
  links,
  errors,
  onChange,
  onRemove,
}: {
  rows: Row[];
  period: string;
  categories: Category[];
  /** the resolutions and topics to choose from */
  links: LinkTarget[];
  errors: Record<string, string>;
  onChange: (i: number, patch: Partial<Row>, field: string) => void;
  onRemove: (i: number) => void;
}) {
  const { t } = useTranslation();
  const bounds = periodBounds(period);
  const accounts = (dir: FinanceDirection) => categories.filter((c) => c.direction === dir);
  const label = (code: string) => categories.find((c) => c.code === code)?.label ?? code;
  // Items already saved start folded to a line, so that a month's dozen
  // items fit a phone; a new item, and one with an error, is open.
  const [folded, setFolded] = useState<Set<string>>(() => new Set(rows.filter((r) => r.key).map((r) => r.uid)));
  const fold = (uid: string, on: boolean) =>
    setFolded((f) => {
      const next = new Set(f);
      if (on) next.add(uid);
      else next.delete(uid);
      return next;
    });
  return (
    <ol className="item-editor">
      {rows.map((r, i) => {
        const err = (f: string) => errors[`items[${i}].${f}`];
        const rowErr = errors[`items[${i}].id`];
        const legend = t("disclosure.editor.row", { n: i + 1 });
        const set = (f: keyof Row) => (e: { target: { value: string } }) => onChange(i, { [f]: e.target.value } as Partial<Row>, f);
        const hasError = Object.keys(errors).some((k) => k.startsWith(`items[${i}]`));
        if (folded.has(r.uid) && !hasError) {
          const amount = parseYuan(r.amount);
          return (
            <li key={r.uid}>
              <fieldset className="item-row item-folded">
                <legend>{legend}</legend>
                <p className="item-head">
                  <span className="item-what">{r.note || label(r.category)}</span>
                  <span className="item-amount">
                    <span className="item-dir">{t(`disclosure.finance.direction.${r.direction}`)}</span> {"fen" in amount ? formatYuan(amount.fen) : r.amount}
                  </span>
                </p>
                <p className="muted small meta">
                  <span>{r.date}</span>
                  <span>{label(r.category)}</span>
                  {r.counterparty && <span>{r.counterparty}</span>}
                  {r.link && <span>→ {links.find((l) => l.id === r.link)?.label ?? t("disclosure.editor.linkKept")}</span>}
                </p>
                <p className="actions">
                  <button type="button" className="btn btn-small" aria-label={t("disclosure.editor.editRowLabel", { n: i + 1 })} onClick={() => fold(r.uid, false)}>
                    {t("disclosure.editor.editRow")}
                  </button>
                  <button type="button" className="btn btn-quiet btn-small" aria-label={t("disclosure.editor.removeRowLabel", { n: i + 1 })} onClick={() => onRemove(i)}>
                    {t("disclosure.editor.removeRow")}
                  </button>
                </p>
              </fieldset>
            </li>
          );
        }
        return (
          <li key={r.uid}>
            <fieldset className="item-row">
              <legend>{legend}</legend>
              {rowErr && (
                <p className="field-error">
                  <span aria-hidden="true">⚠ </span>
                  {rowErr}
                </p>
              )}
              <div className="field-pair">
                <TextField label={t("disclosure.finance.date")} type="date" min={bounds?.first} max={bounds?.last} value={r.date} error={err("date")} onChange={set("date")} />
                <SelectField
                  label={t("disclosure.finance.dir")}
                  value={r.direction}
                  error={err("direction")}
                  onChange={(e) => {
                    const direction = e.target.value as FinanceDirection;
                    const keep = accounts(direction).some((c) => c.code === r.category);
                    onChange(i, { direction, category: keep ? r.category : "" }, "direction");
                  }}
                >
                  <option value="INCOME">{t("disclosure.finance.direction.INCOME")}</option>
                  <option value="EXPENSE">{t("disclosure.finance.direction.EXPENSE")}</option>
                </SelectField>
              </div>
              <div className="field-pair">
                <SelectField label={t("disclosure.finance.category")} value={r.category} error={err("category")} onChange={set("category")}>
                  <option value="">{t("disclosure.editor.chooseCategory")}</option>
                  {accounts(r.direction).map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.parent ? `— ${c.label}` : c.label}
                    </option>
                  ))}
                </SelectField>
                <TextField
                  label={t("disclosure.finance.amountYuan")}
                  inputMode="decimal"
                  autoComplete="off"
                  placeholder="0.00"
                  value={r.amount}
                  error={err("amount")}
                  onChange={set("amount")}
                />
              </div>
              <TextField label={t("disclosure.finance.what")} optional maxLength={200} value={r.note} error={err("note")} onChange={set("note")} />
              <div className="field-pair">
                <TextField label={t("disclosure.finance.counterparty")} optional maxLength={100} value={r.counterparty} error={err("counterparty")} onChange={set("counterparty")} />
                <TextField label={t("disclosure.finance.voucher")} optional maxLength={40} value={r.voucher} error={err("voucher")} onChange={set("voucher")} />
              </div>
              <SelectField
                label={t("disclosure.editor.link")}
                optional
                hint={t("disclosure.editor.linkHint")}
                value={r.link ?? ""}
                error={err("link")}
                onChange={(e) => onChange(i, { link: e.target.value || null }, "link")}
              >
                <option value="">{t("disclosure.editor.noLink")}</option>
                {r.link && !links.some((l) => l.id === r.link) && <option value={r.link}>{t("disclosure.editor.linkKept")}</option>}
                {links.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.label}
                  </option>
                ))}
              </SelectField>
              <p className="actions">
                <button type="button" className="btn btn-small" aria-label={t("disclosure.editor.foldRowLabel", { n: i + 1 })} onClick={() => fold(r.uid, true)}>
                  {t("disclosure.editor.foldRow")}
                </button>
                <button type="button" className="btn btn-quiet btn-small" aria-label={t("disclosure.editor.removeRowLabel", { n: i + 1 })} onClick={() => onRemove(i)}>
                  {t("disclosure.editor.removeRow")}
                </button>
              </p>
            </fieldset>
          </li>
        );
      })}
    </ol>
  );
}
