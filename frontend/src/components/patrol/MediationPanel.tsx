import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useQuery } from "urql";
import { graphql } from "../../gql";
import { useCommunity } from "../../lib/community";
import { caseTag } from "../../lib/patrol";
import { hasRole } from "../../viewer";
import { formatDateTime } from "../ui";

const MediationCountsQueryDoc = graphql(`
  query MediationCounts($id: ID!) {
    community(id: $id) {
      id
      mediationCounts {
        total
        open
        taken
        agreed
        noAgreement
        referred
      }
    }
  }
`);

const MediationListQueryDoc = graphql(`
  query MediationList($id: ID!) {
    community(id: $id) {
      id
      mediationCases {
        id
        state
        parties
        openedAt
        mediator {
          id
          name
        }
      }
    }
  }
`);

/**
 * MediationPanel is the 和事佬 part of the 巡防 page: the community's case
 * counts, which everyone may see, and for the mediators and the committee
 * the cases themselves, those waiting first, each opening its case page.
 */
export function MediationPanel() {
  const { t, i18n } = useTranslation();
  const { community, membership } = useCommunity();
  const staff = hasRole(membership, "MEDIATOR", "COMMITTEE");
  const [counts] = useQuery({ query: MediationCountsQueryDoc, variables: { id: community.id }, requestPolicy: "cache-and-network" });
  const [list] = useQuery({ query: MediationListQueryDoc, variables: { id: community.id }, requestPolicy: "cache-and-network", pause: !staff });
  const n = counts.data?.community?.mediationCounts;
  const cases = [...(list.data?.community?.mediationCases ?? [])].sort((a, b) => waiting(b.state) - waiting(a.state));
  if (!n) return null;
  return (
    <section className="panel" aria-labelledby="pt-cases-h">
      <h2 id="pt-cases-h">{t("patrol.cases.title")}</h2>
      <p>{t("patrol.cases.counts", n)}</p>
      {staff && cases.length > 0 && (
        <ul className="plain-list">
          {cases.map((c) => (
            <li key={c.id} className="card patrol-case">
              <Link to={`/c/${community.id}/patrol/cases/${c.id}`}>
                <strong>{c.parties}</strong>
              </Link>
              <p className="patrol-when">
                <span className={caseTag(c.state)}>{t(`patrol.case.states.${c.state}`)}</span>
                <span className="muted small">
                  {t("patrol.case.opened", { when: formatDateTime(c.openedAt, i18n.language, community.settings.timeZone) })}
                  {c.mediator && ` · ${t("patrol.case.mediator", { name: c.mediator.name })}`}
                </span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** waiting ranks a case state: those still to be mediated first. */
function waiting(state: string): number {
  return state === "OPEN" ? 2 : state === "TAKEN" ? 1 : 0;
}
