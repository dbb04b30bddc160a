import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useMutation, useQuery } from "urql";
import { ConfirmSheet } from "../components/ConfirmSheet";
import { EmptyState, FormError, formatDateTime, Notice, Page, SelectField, Skeleton, TextArea, TextField } from "../components/ui";
import { graphql } from "../gql";
import type { MediationOutcome } from "../gql/graphql";
import { useCommunity } from "../lib/community";
import { toFormErrors } from "../lib/errors";
import { caseTag } from "../lib/patrol";
import { useViewer } from "../viewer";

const MediationCasesQueryDoc = graphql(`
  query MediationCasePage($id: ID!) {
    community(id: $id) {
      id
      mediationCases {
        id
        state
        parties
        openedAt
        closedAt
        referredTo
        terms
        mediator {
          id
          name
        }
        sessions {
          at
          note
        }
        confirmations {
          at
          partyName
        }
        report {
          id
          place
          text
          microGrid {
            id
            name
          }
        }
      }
    }
  }
`);

const TakeMediationCaseDoc = graphql(`
  mutation TakeMediationCase($input: TakeMediationCaseInput!) {
    takeMediationCase(input: $input) {
      case {
        id
        state
      }
    }
  }
`);

const RecordMediationSessionDoc = graphql(`
  mutation RecordMediationSession($input: RecordMediationSessionInput!) {
    recordMediationSession(input: $input) {
      case {
        id
      }
    }
  }
`);

const CloseMediationCaseDoc = graphql(`
  mutation CloseMediationCase($input: CloseMediationCaseInput!) {
    closeMediationCase(input: $input) {
      case {
        id
        state
      }
    }
  }
`);

const ConfirmMediationOutcomeDoc = graphql(`
  mutation ConfirmMediationOutcome($input: ConfirmMediationOutcomeInput!) {
    confirmMediationOutcome(input: $input) {
      case {
        id
      }
    }
  }
`);

const OUTCOMES: MediationOutcome[] = ["AGREED", "NO_AGREEMENT", "REFERRED"];

/**
 * PatrolCasePage is /c/:cid/patrol/cases/:id, a mediation case (和事佬)
 * for the mediators and the committee: a status header, 接案 while it is
 * in the queue, then the mediator records sessions and the outcome (which
 * asks first), and the parties' confirmations of it.
 */
export function PatrolCasePage() {
  const { t, i18n } = useTranslation();
  const { community } = useCommunity();
  const { viewer } = useViewer();
  const { id } = useParams();
  const zone = community.settings.timeZone;
  const [res, refetch] = useQuery({ query: MediationCasesQueryDoc, variables: { id: community.id }, requestPolicy: "cache-and-network" });
  const [takeRes, take] = useMutation(TakeMediationCaseDoc);
  const [sesRes, record] = useMutation(RecordMediationSessionDoc);
  const [closeRes, close] = useMutation(CloseMediationCaseDoc);
  const [confRes, confirm] = useMutation(ConfirmMediationOutcomeDoc);
  const [note, setNote] = useState("");
  const [outcome, setOutcome] = useState<MediationOutcome>("AGREED");
  const [terms, setTerms] = useState("");
  const [referredTo, setReferredTo] = useState("");
  const [party, setParty] = useState("");
  const [errs, setErrs] = useState<Record<string, string | undefined>>({});
  const [done, setDone] = useState<string>();
  const title = t("patrol.case.title");
  const err = toFormErrors(res.error ?? takeRes.error ?? sesRes.error ?? closeRes.error ?? confRes.error, [], t("app.networkError")).form;
  const cases = res.data?.community?.mediationCases;
  if (!cases) {
    return (
      <Page title={title}>
        <FormError message={err} />
        <Skeleton lines={6} />
      </Page>
    );
  }
  const c = cases.find((x) => x.id === id);
  if (!c) {
    return (
      <Page title={title}>
        <FormError message={err} />
        <EmptyState title={t("patrol.case.notFound")} />
      </Page>
    );
  }
  const after = (r: { error?: unknown }, message: string) => {
    if (!r.error) {
      setDone(message);
      refetch({ requestPolicy: "network-only" });
    }
    return r;
  };
  const mine = !!viewer && c.mediator?.id === viewer.id;
  const closed = c.state !== "OPEN" && c.state !== "TAKEN";
  return (
    <Page title={title}>
      <FormError message={err} />
      <Notice message={done} />
      <section className="status-header" aria-label={t("patrol.case.status")}>
        <p className="status-line">
          <span className={caseTag(c.state)}>{t(`patrol.case.states.${c.state}`)}</span>
        </p>
        <p>
          <strong>{c.parties}</strong>
        </p>
        <p className="muted small">
          {t("patrol.case.opened", { when: formatDateTime(c.openedAt, i18n.language, zone) })}
          {c.mediator && ` · ${t("patrol.case.mediator", { name: c.mediator.name })}`}
        </p>
      </section>
      {c.report && (
        <section className="panel" aria-labelledby="pc-report-h">
          <h2 id="pc-report-h">{t("patrol.case.report")}</h2>
          <p>
            {c.report.microGrid.name} · {c.report.place}
          </p>
          <p>{c.report.text}</p>
        </section>
      )}
      {c.state === "OPEN" && (
        <button type="button" className="btn btn-primary btn-block" disabled={takeRes.fetching} onClick={async () => after(await take({ input: { caseId: c.id } }), t("patrol.case.taken"))}>
          {t("patrol.case.take")}
        </button>
      )}
      <section className="panel" aria-labelledby="pc-sessions-h">
        <h2 id="pc-sessions-h">{t("patrol.case.sessions")}</h2>
        {c.sessions.length === 0 ? (
          <p className="muted">{t("patrol.case.noSessions")}</p>
        ) : (
          <ul className="plain-list">
            {c.sessions.map((s, i) => (
              <li key={i} className="patrol-cal-shift">
                <strong>{formatDateTime(s.at, i18n.language, zone)}</strong>
                <p>{s.note}</p>
              </li>
            ))}
          </ul>
        )}
        {mine && c.state === "TAKEN" && (
          <form
            className="form"
            noValidate
            onSubmit={async (e) => {
              e.preventDefault();
              if (!note.trim()) {
                setErrs({ note: t("patrol.case.errNote") });
                return;
              }
              const r = after(await record({ input: { caseId: c.id, note: note.trim() } }), t("patrol.case.recorded"));
              if (!r.error) setNote("");
            }}
          >
            <TextArea
              label={t("patrol.case.note")}
              rows={3}
              value={note}
              error={errs.note}
              onChange={(e) => {
                setNote(e.target.value);
                setErrs({ ...errs, note: undefined });
              }}
            />
            <button type="submit" className="btn" disabled={sesRes.fetching}>
              {t("patrol.case.record")}
            </button>
          </form>
        )}
      </section>
      {mine && c.state === "TAKEN" && (
        <section className="panel" aria-labelledby="pc-close-h">
          <h2 id="pc-close-h">{t("patrol.case.outcome")}</h2>
          <SelectField label={t("patrol.case.outcomeLabel")} value={outcome} onChange={(e) => setOutcome(e.target.value as MediationOutcome)}>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`patrol.case.outcomes.${o}`)}
              </option>
            ))}
          </SelectField>
          <TextArea label={t("patrol.case.terms")} rows={3} value={terms} onChange={(e) => setTerms(e.target.value)} />
          {outcome === "REFERRED" && <TextField label={t("patrol.case.referredTo")} value={referredTo} onChange={(e) => setReferredTo(e.target.value)} />}
          <ConfirmSheet
            trigger={t("patrol.case.close")}
            triggerClass="btn btn-danger"
            disabled={!terms.trim() || (outcome === "REFERRED" && !referredTo.trim())}
            title={t("patrol.case.closeTitle")}
            consequence={t("patrol.case.closeConsequence", { outcome: t(`patrol.case.outcomes.${outcome}`) })}
            confirm={t("patrol.case.closeConfirm")}
            onConfirm={async () =>
              after(
                await close({ input: { caseId: c.id, outcome, terms: terms.trim(), referredTo: outcome === "REFERRED" ? referredTo.trim() : null } }),
                t("patrol.case.closed"),
              )
            }
          />
        </section>
      )}
      {closed && (
        <section className="panel" aria-labelledby="pc-conf-h">
          <h2 id="pc-conf-h">{t("patrol.case.outcome")}</h2>
          {c.terms && <p>{c.terms}</p>}
          {c.referredTo && <p>{t("patrol.case.referredOn", { to: c.referredTo })}</p>}
          <h3>{t("patrol.case.confirmations")}</h3>
          {c.confirmations.length === 0 ? (
            <p className="muted">{t("patrol.case.noConfirmations")}</p>
          ) : (
            <ul className="plain-list">
              {c.confirmations.map((x) => (
                <li key={x.partyName}>
                  <span className="tag tag-ok">{t("patrol.case.confirmed")}</span> {x.partyName}
                  <span className="muted small"> {formatDateTime(x.at, i18n.language, zone)}</span>
                </li>
              ))}
            </ul>
          )}
          {mine && c.state === "AGREED" && (
            <form
              className="form"
              noValidate
              onSubmit={async (e) => {
                e.preventDefault();
                if (!party.trim()) {
                  setErrs({ party: t("patrol.case.errParty") });
                  return;
                }
                const r = after(await confirm({ input: { caseId: c.id, partyName: party.trim() } }), t("patrol.case.confirmedDone"));
                if (!r.error) setParty("");
              }}
            >
              <TextField
                label={t("patrol.case.party")}
                value={party}
                error={errs.party}
                onChange={(e) => {
                  setParty(e.target.value);
                  setErrs({ ...errs, party: undefined });
                }}
              />
              <button type="submit" className="btn" disabled={confRes.fetching}>
                {t("patrol.case.confirm")}
              </button>
            </form>
          )}
        </section>
      )}
      <p className="section-more">
        <Link to={`/c/${community.id}/patrol`}>{t("patrol.toPatrol")}</Link>
      </p>
    </Page>
  );
}
