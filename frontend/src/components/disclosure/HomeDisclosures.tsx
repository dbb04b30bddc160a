import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useQuery } from "urql";
import { graphql } from "../../gql";
import type { CommunityKind } from "../../gql/graphql";
import { formatDate } from "../ui";
import { KindTag, StatusTags } from "./Tags";

const HomeDisclosuresQueryDoc = graphql(`
  query HomeDisclosures($id: ID!) {
    community(id: $id) {
      id
      disclosures(first: 3, state: PUBLISHED) {
        totalCount
        nodes {
          ...DisclosureCardFields
        }
      }
    }
  }
`);

/**
 * HomeDisclosures is the community home's 最新公开: the three latest
 * published disclosures and the way to all of them. With none, the
 * section is not there at all (UX.md 1).
 */
export function HomeDisclosures({ communityId, communityKind, zone }: { communityId: string; communityKind: CommunityKind; zone: string }) {
  const { t, i18n } = useTranslation();
  const [res] = useQuery({ query: HomeDisclosuresQueryDoc, variables: { id: communityId }, requestPolicy: "cache-and-network" });
  const list = res.data?.community?.disclosures;
  if (!list || list.nodes.length === 0) return null;
  const base = `/c/${communityId}/disclosures`;
  return (
    <section className="panel dash" aria-labelledby="dash-disclosures" data-section="disclosures">
      <h2 id="dash-disclosures">{t("home.sections.disclosures")}</h2>
      <ul className="mini-list" aria-label={t("home.sections.disclosures")}>
        {list.nodes.map((d) => (
          <li key={d.id}>
            <Link className="title-link clamp-2" to={`${base}/${d.id}`}>
              {d.current.title}
            </Link>
            <span className="muted small meta">
              <KindTag kind={d.kind} community={communityKind} />
              <StatusTags d={d} />
              {d.publishedAt && <span>{formatDate(d.publishedAt, i18n.language, zone)}</span>}
            </span>
          </li>
        ))}
      </ul>
      <p className="section-more">
        <Link to={base}>{t("disclosure.homeAll", { count: list.totalCount })}</Link>
      </p>
    </section>
  );
}
