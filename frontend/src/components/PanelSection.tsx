import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { graphql } from "../gql";
import { useCommunity } from "../lib/community";
import { toFormErrors } from "../lib/errors";
import { DrawVerification } from "./DrawVerification";
import { Representativeness } from "./Representativeness";
import { TopicMotions } from "./TopicMotions";
import { DrawForm } from "./panel/DrawForm";
import { NominateForm } from "./panel/NominateForm";
import { PanelConfirm } from "./panel/PanelConfirm";
import { PanelSeed } from "./panel/PanelSeed";
import { SeatInvite } from "./panel/SeatInvite";
import { SeatList } from "./panel/SeatList";
import { SeatRulesForm } from "./panel/SeatRulesForm";
import { EmptyState, FormError, Notice, Skeleton } from "./ui";

const TopicPanelQuery = graphql(`
  query TopicPanel($id: ID!) {
    node(id: $id) {
      __typename
      ... on Topic {
        id
        ...SeatRulesFields
        ...DrawFormFields
        ...TopicMotionsFields
        panel {
          state
          ...SeatInviteFields
          ...PanelSeedFields
          ...SeatListFields
          ...DrawVerificationFields
          representativeness {
            ...RepresentativenessFields
          }
          ...PanelConfirmFields
        }
      }
    }
  }
`);

/**
 * PanelSection is 谁来议 on an accepted topic: the panel builder for the
 * committee, the invitation for a seated member, and for a grid worker the
 * answers of the assisted residents of their grids. Each part declares the
 * data it reads as a fragment (in ./panel/); this section loads them in one
 * query, shows what they report, and reloads the panel after a change.
 * onChanged tells the topic page that its timeline may have grown.
 */
export function PanelSection({ topicId, onChanged }: { topicId: string; onChanged?: () => void }) {
  const { t } = useTranslation();
  const { community, can } = useCommunity();
  const [res, refetch] = useQuery({ query: TopicPanelQuery, variables: { id: topicId }, requestPolicy: "cache-and-network" });
  const [notice, setNotice] = useState<string>();
  const node = res.data?.node;
  const topic = node?.__typename === "Topic" ? node : null;
  const loadErr = toFormErrors(res.error, [], t("app.networkError"));
  const reload = () => refetch({ requestPolicy: "network-only" });
  const clear = () => setNotice(undefined);
  // done reports a change and reloads the panel; changed also tells the topic page.
  const done = (msg: string) => {
    setNotice(msg);
    reload();
  };
  const changed = (msg: string) => {
    done(msg);
    onChanged?.();
  };

  if (!topic) {
    return (
      <section className="panel" aria-labelledby="panel-h">
        <h2 id="panel-h">{t("panel.title")}</h2>
        <FormError message={loadErr.form} />
        <Skeleton lines={3} />
      </section>
    );
  }
  const panel = topic.panel;
  const locked = panel?.state === "LOCKED";

  return (
    <section className="panel topic-panel" aria-labelledby="panel-h">
      <h2 id="panel-h">{t("panel.title")}</h2>
      <Notice message={notice} />
      <FormError message={loadErr.form} />
      <SeatInvite topicId={topicId} panel={panel} onDone={done} />
      {!panel && !can.committee && <EmptyState title={t("panel.empty")} hint={t("panel.emptyHint")} />}
      {can.committee && <SeatRulesForm topic={topic} onStart={clear} onDone={done} />}
      {panel && <PanelSeed topicId={topicId} panel={panel} onStart={clear} onDone={changed} />}
      {panel && can.committee && !locked && (
        <div className="panel-forms">
          <DrawForm topic={topic} onStart={clear} onDone={changed} />
          <NominateForm topicId={topicId} onStart={clear} onDone={done} />
        </div>
      )}
      {panel && (
        <>
          <SeatList topicId={topicId} panel={panel} onAnswered={done} />
          <DrawVerification panel={panel} />
          <Representativeness rep={panel.representativeness} />
          <PanelConfirm topicId={topicId} panel={panel} onStart={clear} onDone={changed} />
        </>
      )}
      <TopicMotions topic={topic} communityId={community.id} />
    </section>
  );
}
