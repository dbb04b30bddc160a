import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../gql";
import { useEditedErrors } from "../../lib/editedErrors";
import { toFormErrors } from "../../lib/errors";
import { pointsText, scoreText, sortFactors } from "../../lib/volunteer";
import { EmptyState, FormError, Skeleton } from "../ui";
import { NeedOccurrencePicker, useOccurrence } from "./NeedOccurrencePicker";
import type { NeedView } from "./NeedTypes";

const CandidatesQuery = graphql(`
  query VolNeedCandidates($id: ID!) {
    node(id: $id) {
      __typename
      ... on NeedOccurrence {
        id
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
              detail
              points
              max
            }
          }
          excluded {
            volunteer {
              id
              name
            }
            reasons {
              code
              text
            }
          }
        }
      }
    }
  }
`);

const InviteMutation = graphql(`
  mutation VolInviteVolunteers($input: InviteVolunteersInput!) {
    inviteVolunteers(input: $input) {
      invited {
        id
        name
      }
    }
  }
`);

/** MAX_INVITES is how many volunteers one invitation may go to (volunteer.Invite). */
const MAX_INVITES = 20;

/** OPEN_REASONS is how many of the best candidates show their reasons unfolded. */
const OPEN_REASONS = 3;

/**
 * NeedMatchTab is the 推荐 tab of those who run a need: for one open
 * occurrence, the community's active volunteers ranked best first, each
 * with the factors that placed them (the strongest first, points out of
 * the most), a box to tick and 邀请 to mail those ticked; then those
 * excluded, each with why.
 */
export function NeedMatchTab({ need, now, zone, onDone }: { need: NeedView; now: Date; zone: string; onDone: (msg: string) => void }) {
  const { t } = useTranslation();
  const [o, choose] = useOccurrence(need.occurrences, (x) => x.state === "OPEN" && x.openSlots > 0 && Date.parse(x.start) > now.getTime());
  const [res] = useQuery({ query: CandidatesQuery, variables: { id: o?.id ?? "" }, pause: !o, requestPolicy: "cache-and-network" });
  const [ires, invite] = useMutation(InviteMutation);
  const [picked, setPicked] = useState<string[]>([]);
  const { errs, sent } = useEditedErrors(ires.error, ["volunteers", "volunteerIds"], t("app.networkError"));
  if (!o) return <EmptyState title={t("volunteer.occ.noneLeft")} />;
  const node = res.data?.node;
  const ranking = node?.__typename === "NeedOccurrence" ? node.candidates : null;
  const loadErr = toFormErrors(res.error, [], t("app.networkError")).form;
  const open = o.state === "OPEN" && Date.parse(o.start) > now.getTime();
  const toggle = (id: string, on: boolean) => setPicked((p) => (on ? [...p, id] : p.filter((x) => x !== id)));
  return (
    <section className="need-match" aria-labelledby="need-match-h">
      <h2 id="need-match-h" className="visually-hidden">
        {t("volunteer.need.tabs.match")}
      </h2>
      <NeedOccurrencePicker
        occurrences={need.occurrences}
        current={o}
        onChoose={(id) => {
          setPicked([]);
          choose(id);
        }}
        zone={zone}
      />
      <p className="muted small">{t("volunteer.match.hint")}</p>
      <FormError message={loadErr} />
      {!ranking && !loadErr && <Skeleton lines={5} />}
      {ranking && ranking.candidates.length === 0 && <EmptyState title={t("volunteer.match.none")} />}
      {ranking && ranking.candidates.length > 0 && (
        <form
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            sent();
            const r = await invite({ input: { occurrenceId: o.id, volunteerIds: picked } });
            const invited = r.data?.inviteVolunteers.invited;
            if (invited) {
              setPicked([]);
              onDone(t("volunteer.match.invited", { count: invited.length }));
            }
          }}
        >
          <ol className="cards candidate-list">
            {ranking.candidates.map((c, i) => {
              const id = `cand-${c.volunteer.id}`;
              const on = picked.includes(c.volunteer.id);
              return (
                <li key={c.volunteer.id} className="card candidate-card">
                  <div className="candidate-head">
                    <div className="check">
                      <input
                        id={id}
                        type="checkbox"
                        checked={on}
                        disabled={!open || !!c.invitedAt || (!on && picked.length >= MAX_INVITES)}
                        onChange={(e) => toggle(c.volunteer.id, e.target.checked)}
                      />
                      <div className="check-text">
                        <label htmlFor={id}>
                          {i + 1}. {c.volunteer.name}
                        </label>
                        {c.invitedAt && <span className="tag">{t("volunteer.match.alreadyInvited")}</span>}
                      </div>
                    </div>
                    <span className="score" aria-label={t("volunteer.score", { score: scoreText(c.score) })}>
                      {t("volunteer.scoreShort", { score: scoreText(c.score) })}
                    </span>
                  </div>
                  <details className="disclosure why" open={i < OPEN_REASONS}>
                    <summary>{t("volunteer.match.why", { name: c.volunteer.name })}</summary>
                    <ul className="factor-list">
                      {sortFactors(c.factors).map((f) => (
                        <li key={f.key}>
                          <span className="factor-name">{t(`volunteer.factors.${f.key}`, { defaultValue: f.key })}</span>
                          <span className="factor-detail">{f.detail}</span>
                          <span className="factor-points">{t("volunteer.points", { points: pointsText(f.points), max: pointsText(f.max) })}</span>
                        </li>
                      ))}
                    </ul>
                  </details>
                </li>
              );
            })}
          </ol>
          <FormError message={errs.form ?? errs.fields.volunteers ?? errs.fields.volunteerIds} />
          {open && (
            <div className="invite-bar">
              <button type="submit" className="btn btn-primary btn-block" disabled={picked.length === 0 || ires.fetching}>
                {picked.length > 0 ? t("volunteer.match.inviteCount", { count: picked.length }) : t("volunteer.match.invite")}
              </button>
            </div>
          )}
        </form>
      )}
      {ranking && ranking.excluded.length > 0 && (
        <details className="disclosure">
          <summary>{t("volunteer.match.excluded", { count: ranking.excluded.length })}</summary>
          <ul className="plain-list excluded-list">
            {ranking.excluded.map((x) => (
              <li key={x.volunteer.id}>
                <strong>{x.volunteer.name}</strong>
                <span className="muted">：{x.reasons.map((r) => r.text).join(t("app.listSep"))}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
