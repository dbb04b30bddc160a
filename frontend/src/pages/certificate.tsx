import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useQuery } from "urql";
import { QrCode } from "../components/meeting/QrCode";
import { NotFoundPage } from "../components/NotFound";
import { FormError, Page, Skeleton, formatDate } from "../components/ui";
import { graphql } from "../gql";
import { setCommunityKind } from "../i18n";
import { toFormErrors } from "../lib/errors";
import { dayLabel, hoursText } from "../lib/volunteerDesk";

const CertificateQueryDoc = graphql(`
  query VolunteerCertificatePage($code: String!) {
    volunteerCertificate(code: $code) {
      code
      from
      to
      minutes
      tasks
      issuedAt
      recordSeq
      volunteer {
        id
        name
      }
      community {
        id
        name
        kind
        code
        settings {
          timeZone
        }
      }
    }
  }
`);

/**
 * CertificatePage is /certificates/:code, a volunteer service certificate
 * (志愿服务证明) for anyone with its code, logged out too, as a school or an
 * employer opens it from the QR code: printable on A4 without the app's
 * frame. It states the volunteer, the community, the period, the hours and
 * tasks confirmed in the time bank, the issue date and the entry of its
 * totals in the community's public record, with a QR code of this page.
 */
export function CertificatePage() {
  const { t, i18n } = useTranslation();
  const { code = "" } = useParams();
  const [res] = useQuery({ query: CertificateQueryDoc, variables: { code } });
  const c = res.data?.volunteerCertificate;
  const kind = c?.community.kind;
  // Name the committee by the community's kind (村委会, 居委会), as the public disclosure pages do.
  if (kind) setCommunityKind(kind);
  useEffect(() => {
    if (kind) setCommunityKind(kind);
  });
  const err = toFormErrors(res.error, [], t("app.networkError")).form;
  if (res.data && !c) return <NotFoundPage />;
  if (!c) {
    return (
      <Page title={t("volunteerDesk.certPage.title")}>
        <FormError message={err} />
        {!err && <Skeleton lines={8} />}
      </Page>
    );
  }
  const lang = i18n.language;
  const zone = c.community.settings.timeZone;
  const url = `${window.location.origin}/certificates/${encodeURIComponent(c.code)}`;
  const record = `/c/${c.community.id}/record`;
  return (
    <div className="notice-sheet cert-sheet">
      <p className="no-print actions notice-tools">
        <button type="button" className="btn btn-primary" onClick={() => window.print()}>
          {t("volunteerDesk.certPage.print")}
        </button>
      </p>
      <Page title={t("volunteerDesk.certPage.title")}>
        <p className="notice-head">
          <span>{c.community.name}</span>
          <span>{t("volunteerDesk.certPage.no", { code: c.code })}</span>
        </p>
        <p className="cert-body">
          {t("volunteerDesk.certPage.body", {
            name: c.volunteer.name,
            community: c.community.name,
            from: dayLabel(c.from, lang),
            to: dayLabel(c.to, lang),
          })}
        </p>
        <dl className="cert-figures" aria-label={t("volunteerDesk.certPage.totals")}>
          <div>
            <dt>{t("volunteerDesk.certPage.hours")}</dt>
            <dd>
              <span className="vd-big">{hoursText(c.minutes)}</span> {t("volunteerDesk.hoursWord")}
            </dd>
          </div>
          <div>
            <dt>{t("volunteerDesk.certPage.tasks")}</dt>
            <dd>
              <span className="vd-big">{c.tasks}</span> {t("volunteerDesk.certPage.tasksWord", { count: c.tasks })}
            </dd>
          </div>
        </dl>
        <p className="muted small">{t("volunteerDesk.certPage.basis")}</p>
        <footer className="notice-foot">
          <div className="notice-qr">
            <QrCode url={url} label={t("volunteerDesk.certPage.qrLabel")} />
            <p className="small">{t("volunteerDesk.certPage.scan")}</p>
            <p className="record-hash">{url}</p>
          </div>
          <dl className="notice-ref">
            <dt>{t("volunteerDesk.certPage.volunteer")}</dt>
            <dd>{c.volunteer.name}</dd>
            <dt>{t("volunteerDesk.certPage.period")}</dt>
            <dd>{t("volunteerDesk.cert.period", { from: dayLabel(c.from, lang), to: dayLabel(c.to, lang) })}</dd>
            <dt>{t("volunteerDesk.certPage.issuer")}</dt>
            <dd>{c.community.name}</dd>
            <dt>{t("volunteerDesk.certPage.issuedAt")}</dt>
            <dd>{formatDate(c.issuedAt, lang, zone)}</dd>
            <dt>{t("volunteerDesk.certPage.record")}</dt>
            <dd>
              {c.recordSeq !== null ? (
                <Link to={record}>{t("volunteerDesk.certPage.entry", { seq: c.recordSeq, code: c.community.code })}</Link>
              ) : (
                <>
                  {t("volunteerDesk.certPage.noEntry")} <Link to={record}>{t("volunteerDesk.certPage.toRecord")}</Link>
                </>
              )}
            </dd>
          </dl>
        </footer>
      </Page>
    </div>
  );
}
