import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { useMutation, useQuery } from "urql";
import { useSession } from "../client";
import { LangSwitch, LargeTextSwitch } from "../components/Shell";
import { UndeliverableWarning } from "../components/UndeliverableWarning";
import { CardSkeleton, FormError, Notice, Page, TextField, formatDateTime } from "../components/ui";
import { graphql } from "../gql";
import { toFormErrors } from "../lib/errors";
import { describeUserAgent } from "../lib/useragent";
import { useViewer } from "../viewer";

const LogoutMutation = graphql(`
  mutation Logout {
    logout(input: {}) {
      ok
    }
  }
`);

const RequestVerificationMutation = graphql(`
  mutation RequestEmailVerification {
    requestEmailVerification(input: {}) {
      ok
    }
  }
`);

const ChangePasswordMutation = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      viewer {
        id
      }
    }
  }
`);

const ProfileMailQuery = graphql(`
  query ProfileMail {
    viewer {
      id
      emailUndeliverable
    }
  }
`);

const SessionsQuery = graphql(`
  query Sessions {
    viewer {
      id
      sessions {
        id
        createdAt
        lastSeenAt
        expiresAt
        userAgent
        current
      }
    }
  }
`);

const RevokeSessionMutation = graphql(`
  mutation RevokeSession($input: RevokeSessionInput!) {
    revokeSession(input: $input) {
      revokedSessionId
    }
  }
`);

/** LogoutButton ends this session and drops everything cached. */
export function LogoutButton() {
  const { t } = useTranslation();
  const [res, logout] = useMutation(LogoutMutation);
  const session = useSession();
  const navigate = useNavigate();
  return (
    <button
      type="button"
      className="btn btn-block"
      disabled={res.fetching}
      onClick={async () => {
        await logout({});
        session.reset();
        navigate("/login?loggedOut=1", { replace: true });
      }}
    >
      {t("nav.logout")}
    </button>
  );
}

/** ProfilePage shows the account, its communities and the display settings. */
export function ProfilePage() {
  const { t } = useTranslation();
  const { viewer } = useViewer();
  const [vres, requestVerification] = useMutation(RequestVerificationMutation);
  const [mail] = useQuery({ query: ProfileMailQuery, requestPolicy: "cache-and-network" });
  if (!viewer) return null;
  const verifyErr = toFormErrors(vres.error, [], t("app.networkError"));
  return (
    <Page title={t("profile.title")}>
      <section className="panel" aria-labelledby="account-h">
        <h2 id="account-h">{t("profile.account")}</h2>
        <dl className="facts">
          <dt>{t("auth.name")}</dt>
          <dd>{viewer.name}</dd>
          <dt>{t("auth.email")}</dt>
          <dd>
            <span className="break">{viewer.email}</span>{" "}
            <span className={viewer.emailVerified ? "tag tag-ok" : "tag tag-warn"}>
              {viewer.emailVerified ? t("profile.emailVerified") : t("profile.emailNotVerified")}
            </span>
          </dd>
        </dl>
        <UndeliverableWarning reason={mail.data?.viewer?.emailUndeliverable} />
        {!viewer.emailVerified && (
          <>
            <FormError message={verifyErr.form} />
            <Notice message={vres.data?.requestEmailVerification.ok ? t("profile.verificationSent") : undefined} />
            <button
              type="button"
              className="btn btn-block"
              disabled={vres.fetching}
              onClick={() => void requestVerification({})}
            >
              {t("profile.resendVerification")}
            </button>
          </>
        )}
      </section>

      <section className="panel" aria-labelledby="communities-h">
        <h2 id="communities-h">{t("profile.myCommunities")}</h2>
        {viewer.memberships.length === 0 ? (
          <p>{t("profile.noCommunities")}</p>
        ) : (
          <ul className="link-list">
            {viewer.memberships.map((m) => (
              <li key={m.id}>
                <Link to={`/c/${m.community.id}`}>{m.community.name}</Link>
                <span className="roles">
                  {m.roles.map((r) => (
                    <span key={r} className="tag">
                      {t(`roles.${r}`)}
                    </span>
                  ))}
                </span>
              </li>
            ))}
          </ul>
        )}
        <ul className="link-list">
          <li>
            <Link to="/communities">{t("profile.chooseCommunity")}</Link>
          </li>
          <li>
            <Link to="/communities/request">{t("communityRequest.title")}</Link>
          </li>
          {viewer.isOperator && (
            <li>
              <Link to="/operator">{t("nav.operator")}</Link>
            </li>
          )}
        </ul>
      </section>

      <section className="panel" aria-labelledby="prefs-h">
        <h2 id="prefs-h">{t("profile.preferences")}</h2>
        <div className="pref-row">
          <span>{t("profile.languageHint")}</span>
          <LangSwitch />
        </div>
        <div className="pref-row">
          <span>{t("profile.largeTextHint")}</span>
          <LargeTextSwitch />
        </div>
      </section>

      <section className="panel" aria-labelledby="notify-h">
        <h2 id="notify-h">{t("profile.notifications")}</h2>
        <p>{t("profile.notificationsHint")}</p>
        <ul className="link-list">
          <li>
            <Link to="/me/notifications">{t("notify.settingsTitle")}</Link>
          </li>
          <li>
            <Link to="/me/notifications/history">{t("notify.historyTitle")}</Link>
          </li>
        </ul>
      </section>

      <ChangePasswordForm />

      <section className="panel" aria-labelledby="devices-h">
        <h2 id="devices-h">{t("profile.sessions")}</h2>
        <p>
          <Link to="/me/sessions">{t("profile.toSessions")}</Link>
        </p>
        <LogoutButton />
      </section>
    </Page>
  );
}

function ChangePasswordForm() {
  const { t } = useTranslation();
  const [res, change] = useMutation(ChangePasswordMutation);
  const [form, setForm] = useState({ currentPassword: "", newPassword: "" });
  const [done, setDone] = useState(false);
  const errs = toFormErrors(res.error, ["currentPassword", "newPassword"], t("app.networkError"));
  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    const r = await change({ input: form });
    if (r.data?.changePassword) {
      setDone(true);
      setForm({ currentPassword: "", newPassword: "" });
    }
  }
  return (
    <section className="panel" aria-labelledby="password-h">
      <h2 id="password-h">{t("profile.changePassword")}</h2>
      <form onSubmit={submit} noValidate className="form">
        <FormError message={errs.form} />
        <Notice message={done ? t("profile.passwordChanged") : undefined} />
        <TextField
          label={t("profile.currentPassword")}
          type="password"
          autoComplete="current-password"
          value={form.currentPassword}
          onChange={(e) => setForm({ ...form, currentPassword: e.target.value })}
          error={errs.fields.currentPassword}
        />
        <TextField
          label={t("auth.newPassword")}
          hint={t("auth.passwordHint")}
          type="password"
          autoComplete="new-password"
          value={form.newPassword}
          onChange={(e) => setForm({ ...form, newPassword: e.target.value })}
          error={errs.fields.newPassword}
        />
        <button type="submit" className="btn btn-primary btn-block" disabled={res.fetching}>
          {res.fetching ? t("app.saving") : t("profile.changePassword")}
        </button>
      </form>
    </section>
  );
}

/** SessionsPage lists the devices logged in to the account and revokes them. */
export function SessionsPage() {
  const { t, i18n } = useTranslation();
  const [res, refetch] = useQuery({ query: SessionsQuery, requestPolicy: "cache-and-network" });
  const [rev, revoke] = useMutation(RevokeSessionMutation);
  const [notice, setNotice] = useState<string>();
  const errs = toFormErrors(rev.error ?? res.error, [], t("app.networkError"));
  const sessions = res.data?.viewer?.sessions ?? [];
  return (
    <Page title={t("profile.sessions")}>
      <p className="lead">{t("profile.sessionsIntro")}</p>
      <FormError message={errs.form} />
      <Notice message={notice} />
      {!res.data ? (
        <CardSkeleton count={2} />
      ) : (
        <ul className="cards">
          {sessions.map((s) => (
            <li key={s.id} className="card">
              <p className="card-title">
                {describeUserAgent(s.userAgent) || t("profile.unknownDevice")}{" "}
                {s.current && <span className="tag tag-ok">{t("profile.thisDevice")}</span>}
              </p>
              <p className="muted">{t("profile.lastSeen", { time: formatDateTime(s.lastSeenAt, i18n.language) })}</p>
              <p className="muted">{t("profile.signedIn", { time: formatDateTime(s.createdAt, i18n.language) })}</p>
              {!s.current && (
                <button
                  type="button"
                  className="btn"
                  disabled={rev.fetching}
                  onClick={async () => {
                    setNotice(undefined);
                    const r = await revoke({ input: { sessionId: s.id } });
                    if (r.data) {
                      setNotice(t("profile.revoked"));
                      refetch({ requestPolicy: "network-only" });
                    }
                  }}
                >
                  {t("profile.revoke")}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/me">{t("app.back")}</Link>
      </p>
    </Page>
  );
}
