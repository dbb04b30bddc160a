import { useTranslation } from "react-i18next";
import type { DisclosureDiffQuery } from "../../gql/graphql";
import { amountDelta, compactLines, diffMark, versionTypeKey } from "../../lib/disclosure";
import { fenOf, formatYuan } from "../../lib/disclosureMoney";

type DiffNode = Extract<NonNullable<DisclosureDiffQuery["node"]>, { __typename: "DisclosureVersion" }>;
export type Diff = NonNullable<DiffNode["diff"]>;
type FinanceDiff = NonNullable<Diff["finance"]>;
type DiffItem = FinanceDiff["added"][number];

const TOTALS = ["openingBalance", "incomeTotal", "expenseTotal", "closingBalance"] as const;

/**
 * DiffView shows what changed from one version to another: the one-line
 * fields, the text line by line (unchanged stretches cut short), the
 * finance items added, removed and changed, and the totals that moved.
 */
export function DiffView({ diff, categories }: { diff: Diff; categories: Map<string, string> }) {
  const { t } = useTranslation();
  const fieldValue = (field: string, v: string) => {
    if (field === "type") return t(versionTypeKey(v.toUpperCase() as "ORIGINAL"));
    if (field === "power.amount") return formatYuan(fenOf(v));
    return v || t("disclosure.diff.empty");
  };
  // The type and the reason belong to the version, said above the diff.
  const fields = diff.fields.filter((f) => f.field !== "type" && f.field !== "reason");
  const changedLines = diff.lines.some((l) => l.op !== "KEPT");
  const f = diff.finance;
  const nothing =
    fields.length === 0 &&
    !changedLines &&
    diff.attachmentsAdded.length + diff.attachmentsRemoved.length === 0 &&
    (!f || (f.added.length + f.removed.length + f.changed.length === 0 && TOTALS.every((k) => !f[k].changed)));
  if (nothing) return <p className="muted">{t("disclosure.diff.none")}</p>;
  const cat = (code: string) => categories.get(code) ?? code;
  const itemLine = (it: DiffItem) =>
    `${it.date} ${t(`disclosure.finance.direction.${it.direction}`)} ${it.note || cat(it.category)} ${formatYuan(fenOf(it.amount))}`;
  return (
    <div className="diff">
      {fields.length > 0 && (
        <dl className="record-facts">
          {fields.map((c) => (
            <div key={c.field} className="diff-field">
              <dt>{t(`disclosure.diff.fields.${c.field}`, { defaultValue: c.field })}</dt>
              <dd>
                <del className="diff-removed">{fieldValue(c.field, c.from)}</del> <span aria-hidden="true">→</span> <ins className="diff-added">{fieldValue(c.field, c.to)}</ins>
              </dd>
            </div>
          ))}
        </dl>
      )}
      {f && TOTALS.some((k) => f[k].changed) && (
        <>
          <h4>{t("disclosure.diff.totals")}</h4>
          <ul className="plain-list">
            {TOTALS.filter((k) => f[k].changed).map((k) => (
              <li key={k}>
                {t("disclosure.diff.totalName", { name: t(`disclosure.diff.total.${k}`) })}
                <span className="nowrap">{formatYuan(fenOf(f[k].from))}</span> → <strong className="nowrap">{formatYuan(fenOf(f[k].to))}</strong>
                <span className="nowrap">{t("disclosure.diff.delta", { delta: amountDelta(f[k]) })}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {f && f.added.length + f.removed.length + f.changed.length > 0 && (
        <>
          <h4>{t("disclosure.diff.items")}</h4>
          <ul className="diff-items">
            {f.added.map((it) => (
              <li key={`a-${it.key}`} className="diff-added">
                <span className="diff-op">{t("disclosure.diff.added")}</span> {itemLine(it)}
              </li>
            ))}
            {f.removed.map((it) => (
              <li key={`r-${it.key}`} className="diff-removed">
                <span className="diff-op">{t("disclosure.diff.removed")}</span> {itemLine(it)}
              </li>
            ))}
            {f.changed.map((c) => (
              <li key={`c-${c.to.key}`}>
                <span className="diff-op">{t("disclosure.diff.changed")}</span> {t("disclosure.diff.changedLine", { what: c.to.note || cat(c.to.category), how: changeText(t, c, cat) })}
              </li>
            ))}
          </ul>
        </>
      )}
      {changedLines && (
        <>
          <h4>{t("disclosure.diff.text")}</h4>
          <ol className="diff-lines" aria-label={t("disclosure.diff.text")}>
            {compactLines(diff.lines).map((l, i) =>
              l.op === "SKIP" ? (
                <li key={i} className="diff-skip muted small">
                  {t("disclosure.diff.skipped", { count: l.count })}
                </li>
              ) : (
                <li key={i} className={l.op === "ADDED" ? "diff-added" : l.op === "REMOVED" ? "diff-removed" : "diff-kept"}>
                  <span className="diff-mark" aria-hidden="true">
                    {diffMark(l.op)}
                  </span>
                  {l.op !== "KEPT" && <span className="visually-hidden">{t(l.op === "ADDED" ? "disclosure.diff.added" : "disclosure.diff.removed")}</span>}
                  {l.text || "\u00a0"}
                </li>
              ),
            )}
          </ol>
        </>
      )}
      {diff.attachmentsAdded.length + diff.attachmentsRemoved.length > 0 && (
        <ul className="diff-items">
          {diff.attachmentsAdded.map((a) => (
            <li key={`aa-${a.name}`} className="diff-added">
              {t("disclosure.diff.attachmentAdded", { name: a.name })}
            </li>
          ))}
          {diff.attachmentsRemoved.map((a) => (
            <li key={`ar-${a.name}`} className="diff-removed">
              {t("disclosure.diff.attachmentRemoved", { name: a.name })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** changeText says how a changed item changed, field by field: 金额 18,600.00 → 37,200.00. */
function changeText(
  t: (k: string, o?: Record<string, unknown>) => string,
  c: { fields: string[]; from: DiffItem; to: DiffItem },
  cat: (code: string) => string,
): string {
  const show = (name: string, it: DiffItem): string => {
    switch (name) {
      case "amount":
        return formatYuan(fenOf(it.amount));
      case "direction":
        return t(`disclosure.finance.direction.${it.direction}`);
      case "category":
        return cat(it.category);
      case "link":
        return it.link ? t("disclosure.diff.linked") : t("disclosure.diff.empty");
      default:
        return String((it as unknown as Record<string, unknown>)[name] ?? "") || t("disclosure.diff.empty");
    }
  };
  return c.fields.map((name) => `${t(`disclosure.diff.itemFields.${name}`, { defaultValue: name })} ${show(name, c.from)} → ${show(name, c.to)}`).join(t("disclosure.diff.sep"));
}
