import type { ResultOf } from "@graphql-typed-document-node/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { useMutation } from "urql";
import { graphql } from "../../gql";
import type { VoteChoice } from "../../gql/graphql";
import { useCommunity } from "../../lib/community";
import { toFormErrors } from "../../lib/errors";
import { useViewer } from "../../viewer";
import { ConfirmSheet } from "../ConfirmSheet";
import { DecisionCard, type Choice } from "../DecisionCard";
import { MotionVoters } from "../MotionVoters";
import { FormError, formatDateTime } from "../ui";
import { AssistedVoteForm } from "./AssistedVoteForm";
import { MotionResult } from "./MotionResult";

/** MotionFields are a motion as its card shows it: text, method, deadline, the viewer's vote, who may vote, the result and the resolution. */
export const MotionFields = graphql(`
  fragment MotionFields on Motion {
    id
    text
    method
    secret
    deadline
    closed
    myVote
    rule
    notVoted {
      user {
        id
        name
      }
    }
    result {
      passed
      cast
      entitled
    }
    resolution {
      id
    }
    voters {
      user {
        id
      }
    }
    ...MotionVotersFields
    ...MotionResultFields
  }
`);

const CastVoteMutation = graphql(`
  mutation CastVote($input: CastVoteInput!) {
    castVote(input: $input) {
      motion {
        id
        myVote
      }
    }
  }
`);

const CloseMotionMutation = graphql(`
  mutation CloseMotion($input: CloseMotionInput!) {
    closeMotion(input: $input) {
      motion {
        id
        closed
      }
    }
  }
`);

const AdoptResolutionMutation = graphql(`
  mutation AdoptResolution($input: AdoptResolutionInput!) {
    adoptResolution(input: $input) {
      resolution {
        id
      }
    }
  }
`);

/**
 * MotionCard is a motion on the agenda: the vote buttons for those who may
 * vote while it is open, its result, closing it and adopting it as a
 * resolution for the committee, and a grid worker's assisted votes.
 */
export function MotionCard({ motion: mo, onChanged }: { motion: ResultOf<typeof MotionFields>; onChanged: (msg: string) => void }) {
  const { t, i18n } = useTranslation();
  const { viewer } = useViewer();
  const { community, can } = useCommunity();
  const navigate = useNavigate();
  const [vres, vote] = useMutation(CastVoteMutation);
  const [cres, close] = useMutation(CloseMotionMutation);
  const [ares, adopt] = useMutation(AdoptResolutionMutation);
  const [showAssist, setShowAssist] = useState(false);
  // Motion.myVote comes back null from the server for now (its enum is
  // resolved from a plain string), so the vote just cast is kept here too.
  const [cast, setCast] = useState<VoteChoice | null>(null);
  const myVote = mo.myVote ?? cast;
  const canVote = mo.voters.some((v) => v.user.id === viewer?.id);
  const vErr = toFormErrors(vres.error ?? cres.error ?? ares.error, [], t("app.networkError"));
  const open = !mo.closed && new Date(mo.deadline).getTime() > Date.now();
  const label = t("motion.labelShort", { text: mo.text.slice(0, 20) });
  const voteChoices: Choice<VoteChoice>[] = [
    { value: "YES", label: t("motion.choices.YES"), icon: "👍", tone: "success" },
    { value: "NO", label: t("motion.choices.NO"), icon: "👎", tone: "danger" },
    { value: "ABSTAIN", label: t("motion.choices.ABSTAIN"), icon: "✋", tone: "neutral" },
  ];
  return (
    <article aria-label={label}>
      <p className="motion-text">{mo.text}</p>
      <p className="tags">
        <span className="tag">{t(`motion.methods.${mo.method}`)}</span>
        {mo.secret && <span className="tag">{t("motion.secretTag")}</span>}
        <span className={open ? "tag tag-info" : "tag"}>{open ? t("motion.open") : t("motion.closed")}</span>
      </p>
      <p className="muted small">
        {t("motion.deadlineAt", { date: formatDateTime(mo.deadline, i18n.language, community.settings.timeZone) })}
      </p>
      <MotionVoters voters={mo.voters} />
      {can.committee && open && mo.notVoted && mo.notVoted.length > 0 && (
        <p className="muted small not-voted">{t("motion.notVoted", { names: mo.notVoted.map((v) => v.user.name).join(t("app.listSep")) })}</p>
      )}
      <FormError message={vErr.form} />
      {canVote && open && (
        <DecisionCard
          legend={t("motion.voteGroup")}
          rule={mo.rule}
          choices={voteChoices}
          current={myVote}
          busy={vres.fetching}
          confirmText={(choice) => t("motion.confirmVote", { label: choice })}
          onDecide={async (c) => {
            const res = await vote({ input: { motionId: mo.id, choice: c } });
            if (res.data) {
              setCast(c);
              onChanged(t("motion.voted"));
            }
          }}
        />
      )}
      {!(canVote && open) && <p className="muted small decision-rule">{mo.rule}</p>}
      {myVote && <p className="my-vote">{t("motion.myVote", { choice: t(`motion.choices.${myVote}`) })}</p>}
      <MotionResult motion={mo} />
      <div className="actions">
        {can.committee && !mo.closed && (
          <ConfirmSheet
            trigger={t("motion.close")}
            title={t("motion.closeTitle")}
            consequence={
              <>
                <p>{t("motion.closeConsequence", { cast: mo.result?.cast ?? 0, entitled: mo.result?.entitled ?? mo.voters.length })}</p>
                {mo.notVoted && mo.notVoted.length > 0 && (
                  <p>{t("motion.notVoted", { names: mo.notVoted.map((v) => v.user.name).join(t("app.listSep")) })}</p>
                )}
              </>
            }
            confirm={t("motion.closeConfirm")}
            disabled={cres.fetching}
            onConfirm={async () => {
              const res = await close({ input: { motionId: mo.id } });
              if (res.data) onChanged(t("motion.closedDone"));
            }}
          />
        )}
        {can.committee && mo.closed && mo.result?.passed && !mo.resolution && (
          <button
            type="button"
            className="btn btn-primary"
            disabled={ares.fetching}
            onClick={async () => {
              const res = await adopt({ input: { motionId: mo.id } });
              if (res.data) navigate(`/c/${community.id}/resolutions/${res.data.adoptResolution.resolution.id}`);
            }}
          >
            {t("motion.adopt")}
          </button>
        )}
        {mo.resolution && (
          <Link className="btn" to={`/c/${community.id}/resolutions/${mo.resolution.id}`}>
            {t("resolution.open")}
          </Link>
        )}
        {can.gridWorker && open && !showAssist && (
          <button type="button" className="btn" onClick={() => setShowAssist(true)}>
            {t("motion.assisted")}
          </button>
        )}
      </div>
      {can.gridWorker && open && showAssist && (
        <AssistedVoteForm
          motionId={mo.id}
          onDone={(msg) => {
            setShowAssist(false);
            onChanged(msg);
          }}
          onCancel={() => setShowAssist(false)}
        />
      )}
    </article>
  );
}
