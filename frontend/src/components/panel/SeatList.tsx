import type { ResultOf } from "@graphql-typed-document-node/core";
import { useTranslation } from "react-i18next";
import { graphql } from "../../gql";
import { useCommunity } from "../../lib/community";
import { assistedOfWorker, seatAccepted } from "../../lib/deliberation";
import { useMemberPicker } from "../../lib/memberPicker";
import { AssistedAnswer } from "./AssistedAnswer";

/** SeatListFields are the panel's seats, and whether it is locked (no more answers). */
export const SeatListFields = graphql(`
  fragment SeatListFields on Panel {
    state
    seats {
      memberId
      kind
      drawn
      state
      grid {
        id
        name
      }
      user {
        id
        name
      }
      answeredBy {
        id
        name
      }
      witness
      ...AssistedAnswerFields
    }
  }
`);

/**
 * SeatList is the panel's seats: who holds each, of which kind and grid,
 * drawn or nominated, and their answer; for a grid worker, the answer
 * form of each assisted resident of their grids still invited.
 */
export function SeatList({
  topicId,
  panel,
  level = 3,
  onAnswered,
}: {
  topicId: string;
  panel: ResultOf<typeof SeatListFields>;
  /** The level of its heading: 4 under a step of the builder. */
  level?: 3 | 4;
  onAnswered: (msg: string) => void;
}) {
  const H = level === 4 ? "h4" : "h3";
  const { t } = useTranslation();
  const { community, membership, can } = useCommunity();
  const members = useMemberPicker(community.id, !can.gridWorker);
  const locked = panel.state === "LOCKED";
  // A grid worker answers invitations for the assisted residents of their grids.
  const assisted = new Set(
    can.gridWorker
      ? assistedOfWorker(
          members,
          membership.workerGrids.map((g) => g.id),
        ).map((m) => m.id)
      : [],
  );
  return (
    <>
      <H id="seats-h">{t("panel.seats", { count: panel.seats.length })}</H>
      {panel.seats.length === 0 ? (
        <p className="muted">{t("panel.noSeats")}</p>
      ) : (
        <ul className="cards seats" aria-labelledby="seats-h">
          {panel.seats.map((s) => (
            <li key={s.user.id} className="card seat">
              <strong>{s.user.name}</strong>{" "}
              <span className="tags">
                <span className="tag">{t(`panel.kinds.${s.kind}`)}</span>
                {s.grid && <span className="tag">{s.grid.name}</span>}
                <span className="tag tag-info">{s.drawn ? t("panel.byLot") : t("panel.byNomination")}</span>
                <span className={seatAccepted(s.state) ? "tag tag-ok" : s.state === "DECLINED" ? "tag tag-muted" : "tag tag-warn"}>
                  {t(`panel.seatStates.${s.state.toLowerCase()}`)}
                </span>
              </span>
              {s.answeredBy && (
                <p className="muted small seat-answered">{t("panel.answeredBy", { name: s.answeredBy.name, witness: s.witness ?? "" })}</p>
              )}
              {!locked && s.state === "INVITED" && assisted.has(s.memberId) && <AssistedAnswer topicId={topicId} seat={s} onDone={onAnswered} />}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
