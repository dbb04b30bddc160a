import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import { DisclosureCard } from "../components/disclosure/DisclosureCard";
import { Exports } from "../components/disclosure/Exports";
import { ListFilterChips, useListFilters } from "../components/disclosure/ListFilters";
import { CommunityGate, type DisclosureAbilities, type PublicCommunity } from "../components/disclosure/publicCommunity";
import { ScheduleRecord } from "../components/disclosure/ScheduleRecord";
import { CardSkeleton, EmptyState, FormError, LoadMore, Notice, Page } from "../components/ui";
import { graphql } from "../gql";
import type { DisclosureKind } from "../gql/graphql";
import { kindLabel } from "../lib/disclosure";
import { toFormErrors } from "../lib/errors";
import { usePaged } from "../lib/paged";

const DisclosureListQueryDoc = graphql(`
  query DisclosureList(
    $id: ID!
    $kind: DisclosureKind
    $year: Int
    $period: String
    $state: DisclosureState
    $late: Boolean
    $after: String
  ) {
    community(id: $id) {
      id
      disclosures(first: 20, after: $after, kind: $kind, year: $year, period: $period, state: $state, late: $late) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...DisclosureCardFields
        }
      }
    }
  }
`);

/**
 * DisclosuresPage is /c/:cid/disclosures (公开), for anyone, logged out
 * too: the community's disclosures, filtered with chips by kind, status
 * (drafts for their editors), year and a year's month or quarter, then
 * its public record: how each kind's periods stand against their
 * due dates, and how questions were answered; and the spreadsheets.
 */
export function DisclosuresPage() {
  const { t } = useTranslation();
  const { cid = "" } = useParams();
  return <CommunityGate cid={cid} title={t("disclosure.title")}>{(c, can) => <DisclosureList community={c} can={can} />}</CommunityGate>;
}

function DisclosureList({ community, can }: { community: PublicCommunity; can: DisclosureAbilities }) {
  const { t, i18n } = useTranslation();
  // What the editor says after deleting a first draft, which leads here.
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const { filters, set, clear, filtered, args } = useListFilters(community, can);
  const { kind, year, period, years } = filters;
  const list = usePaged(DisclosureListQueryDoc, { id: community.id, ...args, after: null }, (d) => d.community?.disclosures);
  const err = toFormErrors(list.error, [], t("app.networkError")).form;
  const village = kindLabel(t, "VILLAGE", community.kind);
  const villageWord = i18n.language === "en" ? village.toLowerCase() : village;
  const editor = (k: DisclosureKind) => can.committee || (k === "PARTY" && can.party);
  return (
    <Page title={t("disclosure.title")} wide>
      <Notice message={notice} />
      <p className="lead">{t("disclosure.intro", { name: community.name, village: villageWord })}</p>
      <ListFilterChips filters={filters} communityKind={community.kind} onChange={set} />
      <FormError message={err} />
      <div className="member-status">
        <p className="muted count" aria-live="polite">
          {list.totalCount !== undefined ? t("disclosure.count", { count: list.totalCount }) : "\u00a0"}
        </p>
        {filtered && list.nodes?.length !== 0 && (
          <button type="button" className="btn btn-quiet btn-small" onClick={clear}>
            {t("disclosure.clearFilters")}
          </button>
        )}
      </div>
      {!list.nodes ? (
        <CardSkeleton count={3} />
      ) : list.nodes.length === 0 && filtered ? (
        <EmptyState title={t("disclosure.emptyFiltered")} hint={t(period && !kind ? "disclosure.emptyPeriodHint" : "disclosure.emptyFilteredHint", { village: villageWord })}>
          <button type="button" className="btn" onClick={clear}>
            {t("disclosure.clearFilters")}
          </button>
        </EmptyState>
      ) : list.nodes.length === 0 ? (
        <EmptyState title={t("disclosure.empty")} hint={t("disclosure.emptyHint")} />
      ) : (
        <ul className="cards cards-grid" aria-label={t("disclosure.listLabel")}>
          {list.nodes.map((d) => (
            <li key={d.id} className="card">
              <DisclosureCard d={d} communityId={community.id} communityKind={community.kind} zone={community.settings.timeZone} />
            </li>
          ))}
        </ul>
      )}
      {list.hasNextPage && <LoadMore onClick={() => void list.loadMore()} loading={list.loadingMore} />}
      {(can.committee || can.party || can.gridWorker) && (
        <p>
          <Link to={`/c/${community.id}/disclosures/desk`}>{t("disclosure.toDesk")} →</Link>
        </p>
      )}
      <ScheduleRecord community={community} only={kind} editor={editor} />
      <Exports code={community.code} years={years} year={year ?? years[0]} />
    </Page>
  );
}
