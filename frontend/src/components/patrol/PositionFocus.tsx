import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../gql";
import { toFormErrors } from "../../lib/errors";
import { positionTag } from "../../lib/patrol";
import { whenText } from "../../lib/volunteerDesk";
import { useViewer } from "../../viewer";
import { FormError, Notice, TextField } from "../ui";

const PatrolPositionQueryDoc = graphql(`
  query PatrolPositionFocus($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on PatrolPosition {
        start
        end
        state
        pendingReason
        pendingTaker {
          id
          name
        }
        user {
          id
          name
        }
        route {
          id
          name
        }
        team {
          id
          captain {
            id
          }
        }
      }
    }
  }
`);

export const TakeOfferedShiftDoc = graphql(`
  mutation TakeOfferedShift($input: TakeOfferedShiftInput!) {
    takeOfferedShift(input: $input) {
      pending
      reason
      position {
        id
        state
      }
    }
  }
`);

const DecideShiftSwapDoc = graphql(`
  mutation DecideShiftSwap($input: DecideShiftSwapInput!) {
    decideShiftSwap(input: $input) {
      position {
        id
        state
      }
    }
  }
`);

/**
 * PositionFocus is the one shift a to-do points at (?position=), above the
 * patrol page: a place offered for a swap, which a member may 接班, or a
 * swap waiting for the captain, who approves it or refuses it with a
 * reason.
 */
export function PositionFocus({ positionId, zone, onChange }: { positionId: string; zone: string; onChange: () => void }) {
  const { t, i18n } = useTranslation();
  const { viewer } = useViewer();
  const [res, refetch] = useQuery({ query: PatrolPositionQueryDoc, variables: { id: positionId }, requestPolicy: "cache-and-network" });
  const [takeRes, take] = useMutation(TakeOfferedShiftDoc);
  const [decRes, decide] = useMutation(DecideShiftSwapDoc);
  const [reason, setReason] = useState("");
  const [reasonErr, setReasonErr] = useState<string>();
  const [done, setDone] = useState<string>();
  const p = res.data?.node;
  const err = toFormErrors(res.error ?? takeRes.error ?? decRes.error, [], t("app.networkError")).form;
  if (!p || p.__typename !== "PatrolPosition") return err ? <FormError message={err} /> : null;
  const captain = !!viewer && p.team.captain.id === viewer.id;
  const after = (ok: boolean, message: string) => {
    if (!ok) return;
    setDone(message);
    refetch({ requestPolicy: "network-only" });
    onChange();
  };
  return (
    <section className="panel patrol-focus" aria-labelledby="pt-focus-h">
      <h2 id="pt-focus-h">{t("patrol.focus.title")}</h2>
      <FormError message={err} />
      <Notice message={done} />
      <p className="patrol-when">
        <strong>{whenText(p.start, p.end, i18n.language, zone)}</strong>
        <span className={positionTag(p.state)}>{t(`patrol.states.${p.state}`)}</span>
      </p>
      <p>
        {t("patrol.route")}：{p.route.name}
        {p.user && ` · ${p.user.name}`}
      </p>
      {p.state === "OFFERED" && !p.pendingTaker && p.user?.id !== viewer?.id && (
        <button
          type="button"
          className="btn btn-primary btn-block"
          disabled={takeRes.fetching}
          onClick={async () => {
            const r = await take({ input: { positionId: p.id } });
            after(!r.error, r.data?.takeOfferedShift.pending ? t("patrol.focus.waiting") : t("patrol.taken"));
          }}
        >
          {t("patrol.focus.takeOffered")}
        </button>
      )}
      {p.pendingTaker && (
        <p className="alert alert-info">
          {t("patrol.pending", { name: p.pendingTaker.name })}
          {p.pendingReason && `：${p.pendingReason}`}
        </p>
      )}
      {p.pendingTaker && captain && (
        <div className="patrol-decide">
          <button
            type="button"
            className="btn btn-primary btn-block"
            disabled={decRes.fetching}
            onClick={async () => {
              const r = await decide({ input: { positionId: p.id, approve: true } });
              after(!r.error, t("patrol.focus.approved"));
            }}
          >
            <span aria-hidden="true">✓</span> {t("patrol.focus.approve")}
          </button>
          <TextField
            label={t("patrol.focus.reason")}
            value={reason}
            error={reasonErr}
            onChange={(e) => {
              setReason(e.target.value);
              setReasonErr(undefined);
            }}
          />
          <button
            type="button"
            className="btn btn-block"
            disabled={decRes.fetching}
            onClick={async () => {
              if (!reason.trim()) {
                setReasonErr(t("patrol.focus.errReason"));
                return;
              }
              const r = await decide({ input: { positionId: p.id, approve: false, reason: reason.trim() } });
              after(!r.error, t("patrol.focus.refused"));
            }}
          >
            <span aria-hidden="true">✗</span> {t("patrol.focus.refuse")}
          </button>
        </div>
      )}
    </section>
  );
}
