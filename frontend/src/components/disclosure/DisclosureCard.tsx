import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { graphql } from "../../gql";
import type { CommunityKind, DisclosureCardFieldsFragment } from "../../gql/graphql";
import { fenOf, formatYuan } from "../../lib/disclosureMoney";
import { formatDate } from "../ui";
import { KindTag, StatusTags } from "./Tags";
import { periodLabel } from "../../lib/disclosurePeriod";

export const DisclosureCardFields = graphql(`
  fragment DisclosureCardFields on Disclosure {
    id
    kind
    state
    status
    due
    publishedAt
    hasDraft
    period {
      key
    }
    current {
      id
      title
      type
      number
      finance {
        incomeTotal
        expenseTotal
      }
    }
  }
`);

/**
 * DisclosureCard is a disclosure in a list: its title (a link), period,
 * kind and standing, when it was published or is due, and for finance the
 * period's income and spending.
 */
export function DisclosureCard({
  d,
  communityId,
  communityKind,
  zone,
  to,
}: {
  d: DisclosureCardFieldsFragment;
  communityId: string;
  communityKind?: CommunityKind | null;
  zone: string;
  /** where the title leads; the disclosure's page by default */
  to?: string;
}) {
  const { t, i18n } = useTranslation();
  const f = d.current.finance;
  return (
    <article className="disclosure-card" aria-label={d.current.title}>
      <Link className="card-title title-link" to={to ?? `/c/${communityId}/disclosures/${d.id}`}>
        {d.current.title}
      </Link>
      <p className="tags">
        <span className="tag">{periodLabel(d.period.key, i18n.language)}</span>
        <KindTag kind={d.kind} community={communityKind} />
        <StatusTags d={d} />
      </p>
      <p className="muted small meta">
        {d.publishedAt ? (
          <span>{t("disclosure.publishedOn", { date: formatDate(d.publishedAt, i18n.language, zone) })}</span>
        ) : (
          <span>{t("disclosure.dueOn", { date: periodLabel(d.due, i18n.language) })}</span>
        )}
        {f && (
          <span>
            {t("disclosure.finance.incomeShort", { amount: formatYuan(fenOf(f.incomeTotal)) })} · {t("disclosure.finance.expenseShort", { amount: formatYuan(fenOf(f.expenseTotal)) })}
          </span>
        )}
      </p>
    </article>
  );
}
