import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams, useSearchParams } from "react-router";
import { ChipRow } from "../components/ChipRow";
import { DisclosureCard } from "../components/disclosure/DisclosureCard";
import { Exports } from "../components/disclosure/Exports";
import { CommunityGate, type DisclosureAbilities, type PublicCommunity } from "../components/disclosure/publicCommunity";
import { ScheduleRecord } from "../components/disclosure/ScheduleRecord";
import { CardSkeleton, EmptyState, FormError, LoadMore, Notice, Page } from "../components/ui";
import { graphql } from "../gql";
import type { DisclosureKind } from "../gql/graphql";
import { KINDS, kindLabel } from "../lib/disclosure";
import { todayIn, yearsBack } from "../lib/disclosurePeriod";
import { toFormErrors } from "../lib/errors";
import { usePaged } from "../lib/paged";

const DisclosureListQueryDoc = graphql(`
  query DisclosureList($id: ID!, $kind: DisclosureKind, $year: Int, $after: String) {
    community(id: $id) {
      id
      disclosures(first: 20, after: $after, kind: $kind, year: $year) {
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
 * too: the community's disclosures, filtered by kind and year with chips,
 * then its public record: how each kind's periods stand against their
 * due dates, and how questions were answered; and the spreadsheets.
 */
export function DisclosuresPage() {
  const { t } = useTranslation();
  const { cid = "" } = useParams();
  return <CommunityGate cid={cid} title={t("disclosure.title")}>{(c, can) => <DisclosureList community={c} can={can} />}</CommunityGate>;
}

function DisclosureList({ community, can }: { community: PublicCommunity; can: DisclosureAbilities }) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  // What the editor says after deleting a first draft, which leads here.
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const kindParam = params.get("kind") as DisclosureKind | null;
  const kind = kindParam && KINDS.includes(kindParam) ? kindParam : null;
  const yearParam = Number(params.get("year"));
  const today = todayIn(community.settings.timeZone);
  const years = yearsBack(today, community.disclosureSchedule.since);
  const year = years.includes(yearParam) ? yearParam : null;
  const list = usePaged(DisclosureListQueryDoc, { id: community.id, kind, year, after: null }, (d) => d.community?.disclosures);
  const err = toFormErrors(list.error, [], t("app.networkError")).form;
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const village = kindLabel(t, "VILLAGE", community.kind);
  const villageWord = i18n.language === "en" ? village.toLowerCase() : village;
  const editor = (k: DisclosureKind) => can.committee || (k === "PARTY" && can.party);
  return (
    <Page title={t("disclosure.title")} wide>
      <Notice message={notice} />
      <p className="lead">{t("disclosure.intro", { name: community.name, village: villageWord })}</p>
      <ChipRow
        label={t("disclosure.kindFilter")}
        all={t("disclosure.allKinds")}
        chips={KINDS.map((k) => ({ id: k, label: kindLabel(t, k, community.kind) }))}
        selected={kind}
        onSelect={(k) => set("kind", k)}
      />
      {years.length > 1 && (
        <ChipRow
          label={t("disclosure.yearFilter")}
          all={t("disclosure.allYears")}
          chips={years.map((y) => ({ id: String(y), label: t("disclosure.year", { year: y }) }))}
          selected={year ? String(year) : null}
          onSelect={(y) => set("year", y)}
        />
      )}
      <FormError message={err} />
      <p className="muted count" aria-live="polite">
        {list.totalCount !== undefined ? t("disclosure.count", { count: list.totalCount }) : "\u00a0"}
      </p>
      {!list.nodes ? (
        <CardSkeleton count={3} />
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
