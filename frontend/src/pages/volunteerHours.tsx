import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useMutation, useQuery } from "urql";
import { EmptyState, FormError, Notice, Page, Skeleton, TextField, formatDate } from "../components/ui";
import { useCoordinator } from "../components/volunteerDesk/common";
import { CorrectHours } from "../components/volunteerDesk/CorrectHours";
import { graphql } from "../gql";
import type { VolunteerHoursFieldsFragment } from "../gql/graphql";
import { useCommunity } from "../lib/community";
import { todayIn } from "../lib/disclosurePeriod";
import { useEditedErrors } from "../lib/editedErrors";
import { toFormErrors } from "../lib/errors";
import { checkRange, dayLabel, hoursText, signedHoursText, yearStart } from "../lib/volunteerDesk";

const HoursQueryDoc = graphql(`
  query VolunteerHours($cid: ID!, $vid: ID!, $other: Boolean!) {
    community(id: $cid) {
      id
      myVolunteerProfile @skip(if: $other) {
        ...VolunteerHoursFields
      }
    }
    node(id: $vid) @include(if: $other) {
      __typename
      id
      ...VolunteerHoursFields
    }
  }

  fragment VolunteerHoursFields on Volunteer {
    id
    isMe
    state
    user {
      id
      name
    }
    team {
      id
      name
    }
    balance {
      minutes
      earned
      spent
    }
    reliability {
      done
      noShows
      lateCancels
    }
    transfers {
      at
      kind
      volunteerMinutes
      reason
      claim {
        id
        minutes
        start
        need {
          id
          title
        }
      }
    }
    certificates {
      ...DeskCertificateFields
    }
  }

  fragment DeskCertificateFields on VolunteerCertificate {
    code
    from
    to
    minutes
    tasks
    issuedAt
    recordSeq
  }
`);

const IssueMutation = graphql(`
  mutation DeskIssueCertificate($input: IssueVolunteerCertificateInput!) {
    issueVolunteerCertificate(input: $input) {
      certificate {
        ...DeskCertificateFields
      }
    }
  }
`);

/**
 * VolunteerHoursPage is /c/:cid/volunteer/hours, 我的时长: the volunteer's
 * standing in the time bank (in hours, one decimal), their record of the
 * last 180 days, the transfers (service, corrections with their reasons,
 * exchange), and 开具志愿服务证明 for a period, with the certificates
 * issued, each linking to its printable page. A coordinator opens another
 * volunteer's with ?volunteer=<Volunteer ID>, and may correct a task's
 * hours there.
 */
export function VolunteerHoursPage() {
  const { t } = useTranslation();
  const { community, can } = useCommunity();
  const [params] = useSearchParams();
  const vid = params.get("volunteer") ?? "";
  const other = vid !== "";
  const { coordinator } = useCoordinator(community.id, can.manager);
  const [res, reload] = useQuery({ query: HoursQueryDoc, variables: { cid: community.id, vid, other }, requestPolicy: "cache-and-network" });
  const err = toFormErrors(res.error, [], t("app.networkError")).form;
  const node = res.data?.node;
  const v: VolunteerHoursFieldsFragment | null = other ? (node?.__typename === "Volunteer" ? node : null) : (res.data?.community?.myVolunteerProfile ?? null);
  const title = v && !v.isMe ? t("volunteerDesk.mine.titleOf", { name: v.user.name }) : t("volunteerDesk.mine.title");
  if (!res.data) {
    return (
      <Page title={title}>
        <FormError message={err} />
        {!err && <Skeleton lines={6} />}
      </Page>
    );
  }
  if (!v) {
    return (
      <Page title={title}>
        <FormError message={err} />
        <EmptyState title={t(other ? "volunteerDesk.mine.notFound" : "volunteerDesk.mine.notVolunteer")} hint={other ? undefined : t("volunteerDesk.mine.notVolunteerHint")}>
          <p>
            <Link className="btn btn-primary" to={`/c/${community.id}/volunteer`}>
              {t("volunteerDesk.toVolunteer")}
            </Link>
          </p>
        </EmptyState>
      </Page>
    );
  }
  const zone = community.settings.timeZone;
  const canCorrect = coordinator && !v.isMe;
  return (
    <Page title={title}>
      <FormError message={err} />
      <Balance v={v} />
      <Certificates
        v={v}
        zone={zone}
        onIssued={() => reload({ requestPolicy: "network-only" })}
      />
      <Transfers v={v} zone={zone} canCorrect={canCorrect} onCorrected={() => reload({ requestPolicy: "network-only" })} />
      <p>
        {v.isMe ? (
          <Link to={`/c/${community.id}/volunteer`}>{t("volunteerDesk.mine.back")}</Link>
        ) : (
          <Link to={`/c/${community.id}/volunteers/board?tab=volunteers`}>{t("volunteerDesk.mine.toBoard")}</Link>
        )}
      </p>
    </Page>
  );
}

function Balance({ v }: { v: VolunteerHoursFieldsFragment }) {
  const { t } = useTranslation();
  const r = v.reliability;
  return (
    <section className="status-header vd-balance" aria-labelledby="vd-balance-h">
      <h2 id="vd-balance-h" className="status-line">
        {t("volunteerDesk.mine.balance")}
      </h2>
      <p className="vd-balance-figure">
        <span className="vd-big">{hoursText(v.balance.minutes)}</span> {t("volunteerDesk.hoursWord")}
      </p>
      <dl className="facts">
        <dt>{t("volunteerDesk.mine.earned")}</dt>
        <dd>{t("volunteerDesk.hoursUnit", { hours: hoursText(v.balance.earned) })}</dd>
        <dt>{t("volunteerDesk.mine.spent")}</dt>
        <dd>{t("volunteerDesk.hoursUnit", { hours: hoursText(v.balance.spent) })}</dd>
        <dt>{t("volunteerDesk.mine.reliability")}</dt>
        <dd>
          <span className="vd-nowrap">{t("volunteerDesk.mine.done", { count: r.done })}</span>
          {" · "}
          <span className="vd-nowrap">{t("volunteerDesk.mine.noShows", { count: r.noShows })}</span>
          {" · "}
          <span className="vd-nowrap">{t("volunteerDesk.mine.late", { count: r.lateCancels })}</span>
        </dd>
        {v.team && (
          <>
            <dt>{t("volunteerDesk.mine.team")}</dt>
            <dd>{v.team.name}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

function Certificates({ v, zone, onIssued }: { v: VolunteerHoursFieldsFragment; zone: string; onIssued: () => void }) {
  const { t, i18n } = useTranslation();
  const today = todayIn(zone);
  const [from, setFrom] = useState(() => yearStart(today));
  const [to, setTo] = useState(today);
  const [checked, setChecked] = useState(false);
  const [issued, setIssued] = useState<string>();
  const [res, issue] = useMutation(IssueMutation);
  const { errs, edit, sent } = useEditedErrors(res.error, ["from", "to"], t("app.networkError"));
  const local = checkRange(from, to, today);
  const fieldError = (f: "from" | "to") => errs.fields[f] ?? (checked && local[f] ? t(`volunteerDesk.range.${local[f]}`) : undefined);
  const lang = i18n.language;
  return (
    <section className="panel" aria-labelledby="vd-cert-h">
      <h2 id="vd-cert-h">{t("volunteerDesk.cert.title")}</h2>
      <p className="muted small">{t("volunteerDesk.cert.hint")}</p>
      <form
        className="form"
        noValidate
        aria-label={t("volunteerDesk.cert.issue")}
        onSubmit={async (e) => {
          e.preventDefault();
          setChecked(true);
          setIssued(undefined);
          if (local.from || local.to) return;
          sent();
          const r = await issue({ input: { volunteerId: v.id, from, to } });
          if (r.data) {
            setIssued(r.data.issueVolunteerCertificate.certificate.code);
            setChecked(false);
            onIssued();
          }
        }}
      >
        <FormError message={errs.form} />
        <div className="field-pair">
          <TextField
            label={t("volunteerDesk.cert.from")}
            type="date"
            value={from}
            max={today}
            error={fieldError("from")}
            onChange={(e) => {
              edit("from");
              setFrom(e.target.value);
            }}
          />
          <TextField
            label={t("volunteerDesk.cert.to")}
            type="date"
            value={to}
            max={today}
            error={fieldError("to")}
            onChange={(e) => {
              edit("to");
              setTo(e.target.value);
            }}
          />
        </div>
        <button type="submit" className="btn btn-primary" disabled={res.fetching}>
          {t("volunteerDesk.cert.issue")}
        </button>
      </form>
      <Notice
        message={
          issued && (
            <>
              {t("volunteerDesk.cert.issued")}{" "}
              <Link to={`/certificates/${issued}`}>{t("volunteerDesk.cert.open")}</Link>
            </>
          )
        }
      />
      {v.certificates.length > 0 && (
        <>
          <h3>{t("volunteerDesk.cert.list")}</h3>
          <ul className="cards" aria-label={t("volunteerDesk.cert.list")}>
            {v.certificates.map((c) => (
              <li key={c.code} className="card card-row">
                <p>
                  <strong>{t("volunteerDesk.cert.period", { from: dayLabel(c.from, lang), to: dayLabel(c.to, lang) })}</strong>
                  <br />
                  <span className="small">{t("volunteerDesk.cert.totals", { hours: hoursText(c.minutes), tasks: c.tasks })}</span>
                  <br />
                  <span className="muted small">{t("volunteerDesk.cert.issuedOn", { date: formatDate(c.issuedAt, lang, zone) })}</span>
                </p>
                <Link className="btn" to={`/certificates/${c.code}`} aria-label={t("volunteerDesk.cert.openLabel", { from: dayLabel(c.from, lang), to: dayLabel(c.to, lang) })}>
                  {t("volunteerDesk.cert.view")}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Transfers({ v, zone, canCorrect, onCorrected }: { v: VolunteerHoursFieldsFragment; zone: string; canCorrect: boolean; onCorrected: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="panel" aria-labelledby="vd-transfers-h">
      <h2 id="vd-transfers-h">{t("volunteerDesk.mine.transfers")}</h2>
      {v.transfers.length === 0 ? (
        <p className="muted">{t("volunteerDesk.mine.noTransfers")}</p>
      ) : (
        <ul className="cards vd-transfers" aria-label={t("volunteerDesk.mine.transfers")}>
          {v.transfers.map((x, i) => (
            <li key={`${x.at}-${i}`} className="card vd-transfer">
              <p className="vd-transfer-head">
                <span className={x.kind === "CORRECTION" ? "tag tag-warn" : x.kind === "SERVICE" || x.kind === "PATROL" ? "tag tag-ok" : "tag"}>{t(`volunteerDesk.kind.${x.kind}`)}</span>
                <strong className={x.volunteerMinutes < 0 ? "vd-minus" : "vd-plus"}>
                  {t("volunteerDesk.hoursUnit", { hours: signedHoursText(x.volunteerMinutes) })}
                </strong>
              </p>
              <p className="small">
                {x.claim ? x.claim.need.title : t(`volunteerDesk.kindHint.${x.kind}`)}
                <span className="muted"> · {formatDate(x.at, i18n.language, zone)}</span>
              </p>
              {x.reason && <p className="small">{t("volunteerDesk.mine.reason", { reason: x.reason })}</p>}
              {canCorrect && x.kind === "SERVICE" && x.claim && (
                <details className="disclosure">
                  <summary>{t("volunteerDesk.correct.open")}</summary>
                  <CorrectHours claimId={x.claim.id} name={v.user.name} task={x.claim.need.title} minutes={x.claim.minutes} onDone={onCorrected} />
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
