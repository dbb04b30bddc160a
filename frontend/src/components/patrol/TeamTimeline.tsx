import { useState } from "react";
import { useTranslation } from "react-i18next";
import { graphql } from "../../gql";
import type { PatrolTeamEventFragment } from "../../gql/graphql";
import { monthText } from "../../lib/patrolTeam";
import { formatDateTime, LoadMore } from "../ui";

graphql(`
  fragment PatrolTeamEvent on PatrolEvent {
    kind
    at
    note
    actor {
      id
      name
    }
    member {
      id
      name
    }
  }
`);

/** PAGE is how many events show at first, and how many more each 更多 adds. */
const PAGE = 20;

/**
 * TeamTimeline is the team's changes since a roster was published, newest
 * first, each a sentence with its time on the community's clock: who
 * published a month, dropped, took, offered or swapped a place, whose
 * swap the captain refused and why, who missed a shift.
 */
export function TeamTimeline({ events, zone }: { events: readonly PatrolTeamEventFragment[]; zone: string }) {
  const { t, i18n } = useTranslation();
  const [shown, setShown] = useState(PAGE);
  if (events.length === 0) return <p className="muted">{t("patrolTeam.timeline.none")}</p>;
  return (
    <>
      <ol className="plain-list patrol-timeline">
        {events.slice(0, shown).map((e, i) => {
          const actor = e.actor?.name ?? t("patrolTeam.timeline.someone");
          const note = e.kind === "PUBLISH" && e.note ? monthText(e.note, i18n.language) : (e.note ?? "");
          const vars = { actor, member: e.member?.name ?? t("patrolTeam.timeline.someone"), note };
          const key = e.kind === "SWAP" && !e.member ? "SWAP_APPROVED" : e.kind === "REFUSE" && !e.note ? "REFUSE_BARE" : e.kind;
          return (
            <li key={`${e.at}-${i}`} className="patrol-event">
              <time dateTime={e.at} className="muted">
                {formatDateTime(e.at, i18n.language, zone)}
              </time>
              <p>{t(`patrolTeam.timeline.kinds.${key}`, vars)}</p>
            </li>
          );
        })}
      </ol>
      {events.length > shown && <LoadMore loading={false} onClick={() => setShown(shown + PAGE)} />}
    </>
  );
}
