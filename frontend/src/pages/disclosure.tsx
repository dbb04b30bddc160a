import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useLocation, useParams } from "react-router";
import { useMutation, useQuery } from "urql";
import { VersionContent } from "../components/disclosure/ContentTab";
import { DisclosureHeader } from "../components/disclosure/DisclosureHeader";
import { ManageActions } from "../components/disclosure/ManageActions";
import { PostingsTab } from "../components/disclosure/PostingsTab";
import { CommunityGate, type DisclosureAbilities, type PublicCommunity } from "../components/disclosure/publicCommunity";
import { QuestionsTab } from "../components/disclosure/QuestionsTab";
import { VersionsTab } from "../components/disclosure/VersionsTab";
import { NotFoundPage } from "../components/NotFound";
import { Tabs, useTab } from "../components/Tabs";
import { FormError, Notice, Page, Skeleton } from "../components/ui";
import { graphql } from "../gql";
import { todayIn } from "../lib/disclosurePeriod";
import { toFormErrors } from "../lib/errors";

const DisclosurePageQueryDoc = graphql(`
  query DisclosurePage($id: ID!, $cid: ID!) {
    node(id: $id) {
      __typename
      ... on Disclosure {
        id
        kind
        state
        status
        due
        publishedAt
        firstPublishedAt
        hasDraft
        readCount
        community {
          id
        }
        period {
          key
        }
        current {
          ...DisclosureContentFields
        }
        versions {
          id
          number
          type
          state
          reason
          publishedAt
        }
      }
    }
    community(id: $cid) {
      id
      financeCategories {
        code
        label
      }
    }
  }
`);

const CountReadMutation = graphql(`
  mutation CountDisclosureRead($input: CountDisclosureReadInput!) {
    countDisclosureRead(input: $input) {
      readCount
    }
  }
`);

type TabKey = "content" | "versions" | "questions" | "postings";

/** DisclosurePage is /c/:cid/disclosures/:did, for anyone: a disclosure, its versions, questions and (for members) postings. */
export function DisclosurePage() {
  const { t } = useTranslation();
  const { cid = "", did = "" } = useParams();
  return (
    <CommunityGate cid={cid} title={t("disclosure.title")}>
      {(c, can) => <DisclosureView community={c} can={can} did={did} />}
    </CommunityGate>
  );
}

function DisclosureView({ community, can, did }: { community: PublicCommunity; can: DisclosureAbilities; did: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  const [res, refetch] = useQuery({ query: DisclosurePageQueryDoc, variables: { id: did, cid: community.id }, requestPolicy: "cache-and-network" });
  const [, countRead] = useMutation(CountReadMutation);
  const [notice, setNotice] = useState<string | undefined>((location.state as { notice?: string } | null)?.notice);
  const counted = useRef<string | null>(null);
  const node = res.data?.node;
  const d = node?.__typename === "Disclosure" ? node : null;
  const tabs: TabKey[] = can.member ? ["content", "versions", "questions", "postings"] : ["content", "versions", "questions"];
  const tab = useTab(tabs);
  // One read per page view of a published version (a draft is not counted).
  const readable = d && d.current.state === "PUBLISHED" ? d.current.id : null;
  useEffect(() => {
    if (!readable || counted.current === readable) return;
    counted.current = readable;
    void countRead({ input: { versionId: readable } });
  }, [readable, countRead]);
  const err = toFormErrors(res.error, [], t("app.networkError")).form;
  if (res.data && !d) return <NotFoundPage />;
  if (!d) {
    return (
      <Page title={t("disclosure.title")}>
        <FormError message={err} />
        <Skeleton lines={8} />
      </Page>
    );
  }
  if (d.community.id !== community.id) return <Navigate to={`/c/${d.community.id}/disclosures/${d.id}`} replace />;
  const zone = community.settings.timeZone;
  const categories = new Map((res.data?.community?.financeCategories ?? []).map((c) => [c.code, c.label]));
  const editor = can.committee || (d.kind === "PARTY" && can.party);
  const base = `/c/${community.id}/disclosures`;
  const done = (msg: string) => {
    setNotice(msg);
    refetch({ requestPolicy: "network-only" });
  };
  return (
    <Page title={d.current.title} wide>
      <DisclosureHeader d={{ ...d, current: d.current }} communityId={community.id} communityKind={community.kind} zone={zone} editor={editor} />
      <Notice message={notice} />
      <FormError message={err} />
      <Tabs label={t("disclosure.tabsLabel")} current={tab} items={tabs.map((k) => ({ key: k, label: t(`disclosure.tabs.${k}`) }))} />
      {tab === "content" && (
        <>
          <VersionContent v={d.current} communityId={community.id} categories={categories} zone={zone} exports={{ code: community.code, period: d.period.key }} />
          {d.state !== "DRAFT" && (
            <p className="actions">
              <Link className="btn" to={`${base}/${d.id}/notice`}>
                {t("disclosure.printNotice")}
              </Link>
            </p>
          )}
          {editor && <ManageActions disclosureId={d.id} communityId={community.id} state={d.state} hasDraft={d.hasDraft} onDone={done} />}
        </>
      )}
      {tab === "versions" && <VersionsTab versions={d.versions} categories={categories} zone={zone} communityId={community.id} disclosureId={d.id} />}
      {tab === "questions" && <QuestionsTab disclosureId={d.id} versionId={d.current.id} open={d.state === "PUBLISHED"} can={can} zone={zone} />}
      {tab === "postings" && (
        <PostingsTab disclosureId={d.id} versionId={d.current.id} published={d.state === "PUBLISHED"} today={todayIn(zone)} community={community} can={can} />
      )}
      <p>
        <Link to={base}>{t("disclosure.backToList")}</Link>
      </p>
    </Page>
  );
}
