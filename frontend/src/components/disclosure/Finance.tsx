import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { FinanceDirection } from "../../gql/graphql";
import { linkPath } from "../../lib/disclosure";
import { fenOf, formatAmount, formatWan, formatYuan } from "../../lib/disclosureMoney";

/** Figures are a period's balances and totals, as the API gives them in yuan. */
export interface Figures {
  openingBalance: string;
  incomeTotal: string;
  expenseTotal: string;
  closingBalance: string;
}

/** Item is a finance line as the pages show it. */
export interface Item {
  key: string;
  date: string;
  direction: FinanceDirection;
  category: string;
  amount: string;
  counterparty: string;
  voucher: string;
  note: string;
  link: string | null;
}

/** useWide reports whether the screen is wide enough for a table (40rem, as the layout's breakpoint). */
export function useWide(query = "(min-width: 40rem)"): boolean {
  const [wide, setWide] = useState(() => typeof window !== "undefined" && !!window.matchMedia?.(query).matches);
  useEffect(() => {
    const m = window.matchMedia?.(query);
    if (!m) return;
    const on = () => setWide(m.matches);
    on();
    m.addEventListener("change", on);
    return () => m.removeEventListener("change", on);
  }, [query]);
  return wide;
}

/** Figure is one figure of the summary: its name, the exact amount, and in Chinese the amount in 万. */
function Figure({ label, fen, strong }: { label: string; fen: number; strong?: boolean }) {
  const { i18n } = useTranslation();
  const wan = formatWan(fen, i18n.language);
  return (
    <div className={strong ? "figure figure-strong" : "figure"}>
      <dt>{label}</dt>
      <dd>
        <span className="figure-amount">{formatYuan(fen)}</span>
        {wan && <span className="muted small figure-wan">{wan}</span>}
      </dd>
    </div>
  );
}

/** FinanceSummary is a period's four figures: opening, income, spending, closing. */
export function FinanceSummary({ f, title }: { f: Figures; title?: string }) {
  const { t } = useTranslation();
  return (
    <section className="finance-summary" aria-label={title ?? t("disclosure.finance.summary")}>
      <dl className="figures">
        <Figure label={t("disclosure.finance.opening")} fen={fenOf(f.openingBalance)} />
        <Figure label={t("disclosure.finance.income")} fen={fenOf(f.incomeTotal)} />
        <Figure label={t("disclosure.finance.expense")} fen={fenOf(f.expenseTotal)} />
        <Figure label={t("disclosure.finance.closing")} fen={fenOf(f.closingBalance)} strong />
      </dl>
    </section>
  );
}

/**
 * FinanceItems lists a period's items: a table on a wide screen (and on
 * paper, with print), on a phone one card per item. Income and spending
 * are said in words and not coloured: neither is good or bad.
 */
export function FinanceItems({ items, categories, communityId, table }: { items: Item[]; categories: Map<string, string>; communityId: string; table?: boolean }) {
  const { t } = useTranslation();
  const wide = useWide();
  const cat = (code: string) => categories.get(code) ?? code;
  const dir = (d: FinanceDirection) => t(`disclosure.finance.direction.${d}`);
  const link = (it: Item) => {
    const l = linkPath(communityId, it.link);
    return l ? <Link to={l.to}>{t(`disclosure.finance.link.${l.kind}`)}</Link> : null;
  };
  if (items.length === 0) return <p className="muted">{t("disclosure.finance.noItems")}</p>;
  if (table || wide) {
    return (
      // The table may scroll sideways on a narrow screen: a region that takes focus, so the keyboard can scroll it.
      <div className="table-wrap" role="region" tabIndex={0} aria-label={t("disclosure.finance.items")}>
        <table className="finance-table">
          <caption className="visually-hidden">{t("disclosure.finance.items")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("disclosure.finance.date")}</th>
              <th scope="col">{t("disclosure.finance.dir")}</th>
              <th scope="col">{t("disclosure.finance.what")}</th>
              <th scope="col">{t("disclosure.finance.category")}</th>
              <th scope="col" className="num">
                {t("disclosure.finance.amountYuan")}
              </th>
              <th scope="col">{t("disclosure.finance.counterparty")}</th>
              <th scope="col">{t("disclosure.finance.voucher")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((it) => (
              <tr key={it.key}>
                <td className="nowrap">{it.date}</td>
                <td className="nowrap">{dir(it.direction)}</td>
                <td>
                  {it.note}
                  {it.link && <> {link(it)}</>}
                </td>
                <td>{cat(it.category)}</td>
                <td className="num">{formatAmount(fenOf(it.amount))}</td>
                <td>{it.counterparty}</td>
                <td className="nowrap">{it.voucher}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  return (
    <ul className="cards item-cards" aria-label={t("disclosure.finance.items")}>
      {items.map((it) => (
        <li key={it.key} className="card item-card">
          <p className="item-head">
            <span className="item-what">{it.note || cat(it.category)}</span>
            <span className="item-amount">
              <span className="item-dir">{dir(it.direction)}</span> {formatYuan(fenOf(it.amount))}
            </span>
          </p>
          <p className="muted small meta">
            <span>{it.date}</span>
            <span>{cat(it.category)}</span>
            {it.counterparty && <span>{it.counterparty}</span>}
            {it.voucher && <span>{t("disclosure.finance.voucherNo", { no: it.voucher })}</span>}
            {link(it)}
          </p>
        </li>
      ))}
    </ul>
  );
}
