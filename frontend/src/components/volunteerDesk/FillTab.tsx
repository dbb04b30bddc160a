import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../gql";
import type { VolunteerBoardFillQuery } from "../../gql/graphql";
import { toFormErrors } from "../../lib/errors";
import { whenText } from "../../lib/volunteerDesk";
import { CardSkeleton, EmptyState, FormError, Notice } from "../ui";
import { FactorList } from "./common";

const FillQueryDoc = graphql(`
  query VolunteerBoardFill($id: ID!) {
    community(id: $id) {
      id
      todos {
        kind
        subject {
          __typename
          id
          ... on NeedOccurrence {
            start
            end
            slots
            openSlots
            urgent
            need {
              id
              title
              microGrid {
                id
                name
              }
            }
            candidates {
              candidates {
                score
                invitedAt
                volunteer {
                  id
                  name
                }
                factors {
                  key
                  points
                  max
                  detail
                }
              }
            }
          }
        }
      }
    }
  }
`);

export const InviteMutation = graphql(`
  mutation DeskInviteVolunteers($input: InviteVolunteersInput!) {
    inviteVolunteers(input: $input) {
      invited {
        id
        name
      }
    }
  }
`);

type Todo = NonNullable<VolunteerBoardFillQuery["community"]>["todos"][number];
type Occurrence = Extract<Todo["subject"], { __typename: "NeedOccurrence" }>;

/** TOP is how many candidates the board shows for an occurrence; the need's 匹配 tab has them all. */
const TOP = 3;

/**
 * FillTab is the board's 待招募: the occurrences of the coming week that
 * still have open slots (the server's FILL_NEED to-dos), each with its
 * three best candidates and why, and 邀请 for those the coordinator picks.
 */
export function FillTab({ communityId, zone }: { communityId: string; zone: string }) {
  const { t } = useTranslation();
  const [res] = useQuery({ query: FillQueryDoc, variables: { id: communityId }, requestPolicy: "cache-and-network" });
  const err = toFormErrors(res.error, [], t("app.networkError")).form;
  const occurrences: Occurrence[] = (res.data?.community?.todos ?? [])
    .filter((td) => td.kind === "FILL_NEED")
    .map((td) => td.subject)
    .filter((s): s is Occurrence => s.__typename === "NeedOccurrence");
  return (
    <section aria-labelledby="vd-fill-h">
      <h2 id="vd-fill-h">{t("volunteerDesk.fill.title")}</h2>
      <p className="muted small">{t("volunteerDesk.fill.hint")}</p>
      <FormError message={err} />
      {!res.data ? (
        !err && <CardSkeleton count={2} />
      ) : occurrences.length === 0 ? (
        <EmptyState title={t("volunteerDesk.fill.none")} />
      ) : (
        <ul className="cards" aria-label={t("volunteerDesk.fill.title")}>
          {occurrences.map((o) => (
            <li key={o.id} className="card vd-occurrence">
              <OccurrenceCard communityId={communityId} o={o} zone={zone} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function OccurrenceCard({ communityId, o, zone }: { communityId: string; o: Occurrence; zone: string }) {
  const { t, i18n } = useTranslation();
  const [chosen, setChosen] = useState<string[]>([]);
  const [res, invite] = useMutation(InviteMutation);
  const [done, setDone] = useState<string>();
  const top = o.candidates.candidates.slice(0, TOP);
  const names = new Map(top.map((c) => [c.volunteer.id, c.volunteer.name]));
  const err = toFormErrors(res.error, ["volunteerIds"], t("app.networkError"));
  const toggle = (id: string) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));
  return (
    <article aria-labelledby={`vd-occ-${o.id}`}>
      <h3 className="card-title" id={`vd-occ-${o.id}`}>
        <Link to={`/c/${communityId}/needs/${o.need.id}`}>{o.need.title}</Link>
      </h3>
      <p className="meta">
        {o.urgent && <span className="tag tag-warn">{t("volunteerDesk.urgent")}</span>}
        <span>{whenText(o.start, o.end, i18n.language, zone)}</span>
        <span>{o.need.microGrid.name}</span>
        <span className="tag tag-warn">{t("volunteerDesk.fill.open", { open: o.openSlots, slots: o.slots })}</span>
      </p>
      {top.length === 0 ? (
        <p className="muted">{t("volunteerDesk.fill.noCandidates")}</p>
      ) : (
        <fieldset className="vd-candidates">
          <legend>{t("volunteerDesk.fill.top", { count: top.length })}</legend>
          <ol className="vd-candidate-list">
            {top.map((c, i) => (
              <li key={c.volunteer.id} className="vd-candidate">
                <div className="check">
                  <input
                    id={`vd-pick-${o.id}-${c.volunteer.id}`}
                    type="checkbox"
                    checked={chosen.includes(c.volunteer.id)}
                    disabled={!!c.invitedAt}
                    onChange={() => toggle(c.volunteer.id)}
                  />
                  <div className="check-text">
                    <label htmlFor={`vd-pick-${o.id}-${c.volunteer.id}`}>
                      <span className="vd-rank">{t("volunteerDesk.candidates.rank", { n: i + 1 })}</span> <strong>{c.volunteer.name}</strong>{" "}
                      <span className="vd-score">{t("volunteerDesk.candidates.score", { score: c.score })}</span>
                      {c.invitedAt && <span className="tag">{t("volunteer.match.alreadyInvited")}</span>}
                    </label>
                  </div>
                </div>
                <FactorList factors={c.factors} name={c.volunteer.name} />
              </li>
            ))}
          </ol>
        </fieldset>
      )}
      <Notice message={done} />
      <FormError message={err.form ?? err.fields.volunteerIds} />
      <div className="actions">
        {top.length > 0 && (
          <button
            type="button"
            className="btn btn-primary"
            disabled={chosen.length === 0 || res.fetching}
            onClick={async () => {
              setDone(undefined);
              const r = await invite({ input: { occurrenceId: o.id, volunteerIds: chosen } });
              if (r.data) {
                const invited = r.data.inviteVolunteers.invited;
                const skipped = chosen.filter((id) => !invited.some((u) => u.id === id)).map((id) => names.get(id) ?? "");
                setDone(
                  [
                    t("volunteerDesk.fill.invited", { count: invited.length, names: invited.map((u) => u.name).join("、") }),
                    skipped.length > 0 ? t("volunteerDesk.fill.skipped", { names: skipped.join("、") }) : "",
                  ]
                    .filter(Boolean)
                    .join(" "),
                );
                setChosen([]);
              }
            }}
          >
            {t("volunteerDesk.fill.invite", { count: chosen.length })}
          </button>
        )}
        <Link className="btn btn-quiet" to={`/c/${communityId}/needs/${o.need.id}?tab=match&occ=${o.id}`}>
          {t("volunteerDesk.fill.allCandidates")}
        </Link>
      </div>
    </article>
  );
}
