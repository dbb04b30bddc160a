import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useQuery } from "urql";
import { NotFoundPage } from "../components/NotFound";
import { PanelSection } from "../components/PanelSection";
import { FormError, Page, Skeleton } from "../components/ui";
import { graphql } from "../gql";
import { useCommunity } from "../lib/community";
import { toFormErrors } from "../lib/errors";

const PanelTopicQuery = graphql(`
  query PanelTopic($id: ID!) {
    node(id: $id) {
      __typename
      ... on Topic {
        id
        title
        state
      }
    }
  }
`);

/**
 * PanelBuilderPage (组建议事小组) is the committee's workbench page for one
 * accepted topic's panel, linked from the topic's status header, its 议事小组
 * tab and the committee's to-dos; residents never scroll past its forms.
 */
export function PanelBuilderPage() {
  const { t } = useTranslation();
  const { tid = "" } = useParams();
  const { community, can } = useCommunity();
  const [res] = useQuery({ query: PanelTopicQuery, variables: { id: tid } });
  const node = res.data?.node;
  const topic = node?.__typename === "Topic" ? node : null;
  const err = toFormErrors(res.error, [], t("app.networkError"));
  if (res.data && !topic) return <NotFoundPage />;
  const back = `/c/${community.id}/topics/${tid}`;
  return (
    <Page title={t("panel.builderTitle")} wide>
      <FormError message={err.form} />
      {!topic ? (
        <Skeleton lines={6} />
      ) : (
        <>
          <p className="lead">
            <Link to={back}>{topic.title}</Link>
          </p>
          {!can.committee ? (
            <FormError message={t("panel.builderForbidden")} />
          ) : topic.state !== "ACCEPTED" ? (
            <FormError message={t("panel.builderNotAccepted")} />
          ) : (
            <PanelSection topicId={topic.id} builder />
          )}
          <p>
            <Link to={back}>{t("panel.backToTopic")}</Link>
          </p>
        </>
      )}
    </Page>
  );
}
