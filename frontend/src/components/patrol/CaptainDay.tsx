import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../gql";
import { toFormErrors } from "../../lib/errors";
import { dayOf, inCheckInWindow, positionTag } from "../../lib/patrol";
import { whenText } from "../../lib/volunteerDesk";
import { ConfirmSheet } from "../ConfirmSheet";
import { FormError, formatTime, SelectField, TextField } from "../ui";

const CaptainDayQueryDoc = graphql(`
  query PatrolCaptainDay($id: ID!, $day: String!) {
    node(id: $id) {
      id
      ... on PatrolTeam {
        dayPositions(day: $day) {
          id
          start
          end
          number
          state
          user {
            id
            name
          }
          route {
            id
            name
            checkpoints {
              name
            }
          }
          passed {
            checkpoint
            at
            by {
              id
              name
            }
          }
        }
      }
    }
  }
`);

const CaptainCheckInDoc = graphql(`
  mutation CaptainCheckIn($input: CheckInPatrolInput!) {
    checkInPatrol(input: $input) {
      position {
        id
        state
      }
    }
  }
`);

const MarkShiftMissedDoc = graphql(`
  mutation MarkShiftMissed($input: MarkShiftMissedInput!) {
    markShiftMissed(input: $input) {
      position {
        id
        state
      }
    }
  }
`);

/**
 * CaptainDay is the captain's (and the committee's) view of a day's
 * shifts on the 巡防 page: every place with its patroller and the
 * checkpoints passed; 代签到 at a checkpoint for a member without a phone
 * while the shift takes check-ins, and 记为缺勤 once it has begun (behind
 * a confirmation: a missed shift counts zero in the loads).
 */
export function CaptainDay({ teamId, zone, onDone }: { teamId: string; zone: string; onDone: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const [day, setDay] = useState(() => dayOf(new Date(), zone));
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(day);
  const [res, refetch] = useQuery({ query: CaptainDayQueryDoc, variables: { id: teamId, day }, pause: !valid, requestPolicy: "cache-and-network" });
  const [checkRes, checkIn] = useMutation(CaptainCheckInDoc);
  const [missRes, miss] = useMutation(MarkShiftMissedDoc);
  const [at, setAt] = useState<Record<string, string>>({});
  const err = toFormErrors(res.error ?? checkRes.error ?? missRes.error, [], t("app.networkError")).form;
  const node = res.data?.node;
  const places = node && "dayPositions" in node ? node.dayPositions : [];
  const now = new Date();
  const after = (ok: boolean, message: string) => {
    if (!ok) return;
    onDone(message);
    refetch({ requestPolicy: "network-only" });
  };
  return (
    <section className="panel" aria-labelledby={`pt-day-${teamId}`}>
      <h2 id={`pt-day-${teamId}`}>{t("patrol.day.title")}</h2>
      <TextField type="date" label={t("patrol.day.date")} value={day} onChange={(e) => setDay(e.target.value)} />
      <FormError message={err} />
      {places.length === 0 ? (
        <p className="muted">{t("patrol.day.none")}</p>
      ) : (
        <ul className="plain-list patrol-shifts">
          {places.map((p) => {
            const passed = new Set(p.passed.map((x) => x.checkpoint));
            const left = p.route.checkpoints.map((c, i) => ({ name: c.name, i })).filter((c) => !passed.has(c.i));
            const chosen = at[p.id] ?? String(left[0]?.i ?? "");
            const walking = (p.state === "ASSIGNED" || p.state === "CHECKED_IN") && inCheckInWindow(p.start, p.end, now);
            const missable = (p.state === "ASSIGNED" || p.state === "OFFERED") && new Date(p.start) <= now;
            return (
              <li key={p.id} className="card patrol-shift patrol-day-place" aria-label={`${p.user?.name ?? t("patrol.states.OPEN")} ${whenText(p.start, p.end, i18n.language, zone)}`}>
                <p className="patrol-when">
                  <strong>{whenText(p.start, p.end, i18n.language, zone)}</strong>
                  <span className={positionTag(p.state)}>{t(`patrol.states.${p.state}`)}</span>
                </p>
                <p>
                  {p.route.name} · {p.user?.name ?? t("patrol.rosterPage.nobody")}
                </p>
                {p.passed.length > 0 && (
                  <p className="patrol-passed">
                    {t("patrol.passed", {
                      list: p.passed
                        .map((x) => `${p.route.checkpoints[x.checkpoint]?.name ?? x.checkpoint + 1} ${formatTime(x.at, i18n.language, zone)}${x.by ? `（${t("patrol.day.by", { name: x.by.name })}）` : ""}`)
                        .join("、"),
                    })}
                  </p>
                )}
                {walking && p.user && left.length > 0 && (
                  <form
                    className="patrol-checkin"
                    onSubmit={async (e) => {
                      e.preventDefault();
                      const r = await checkIn({ input: { positionId: p.id, checkpoint: Number(chosen) } });
                      after(!r.error, t("patrol.day.checkedIn", { name: p.user?.name }));
                    }}
                  >
                    <SelectField label={t("patrol.day.checkpoint")} value={chosen} onChange={(e) => setAt({ ...at, [p.id]: e.target.value })}>
                      {left.map((c) => (
                        <option key={c.i} value={c.i}>
                          {c.name}
                        </option>
                      ))}
                    </SelectField>
                    <button type="submit" className="btn" disabled={checkRes.fetching}>
                      {t("patrol.day.checkIn")}
                    </button>
                  </form>
                )}
                {missable && p.user && (
                  <ConfirmSheet
                    trigger={t("patrol.day.miss")}
                    triggerLabel={t("patrol.day.missLabel", { name: p.user.name })}
                    triggerClass="btn btn-danger"
                    title={t("patrol.day.missTitle", { name: p.user.name })}
                    consequence={t("patrol.day.missConsequence")}
                    confirm={t("patrol.day.missConfirm")}
                    onConfirm={async () => {
                      const r = await miss({ input: { positionId: p.id } });
                      after(!r.error, t("patrol.day.missed"));
                    }}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
