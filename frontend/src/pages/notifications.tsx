import { useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMutation, useQuery } from "urql";
import {
  CardSkeleton,
  CheckField,
  CheckGroup,
  EmptyState,
  FormError,
  LoadMore,
  Notice,
  Page,
  Skeleton,
  TextArea,
  TextField,
  formatDateTime,
} from "../components/ui";
import { UndeliverableWarning } from "../components/UndeliverableWarning";
import { graphql } from "../gql";
import type { NotificationKind, NotificationSettingsQuery, NotificationState } from "../gql/graphql";
import { useCommunity } from "../lib/community";
import { toFormErrors } from "../lib/errors";
import { deliveryNote, formToInput, prefsToForm, type PrefsForm } from "../lib/notifications";
import { usePaged } from "../lib/paged";

const NotificationSettingsQueryDoc = graphql(`
  query NotificationSettings {
    viewer {
      id
      email
      emailUndeliverable
      calendarUrl
      notificationPreferences {
        off
        digest
        quietHoursEnabled
        quietStart
        quietEnd
        optionalKinds {
          kind
          label
        }
      }
    }
  }
`);

const UpdatePreferencesMutation = graphql(`
  mutation UpdateNotificationPreferences($input: UpdateNotificationPreferencesInput!) {
    updateNotificationPreferences(input: $input) {
      preferences {
        off
        digest
        quietHoursEnabled
        quietStart
        quietEnd
        optionalKinds {
          kind
          label
        }
      }
    }
  }
`);

const RegenerateCalendarMutation = graphql(`
  mutation RegenerateCalendarUrl {
    regenerateCalendarUrl(input: {}) {
      calendarUrl
    }
  }
`);

const HistoryQuery = graphql(`
  query NotificationHistory($after: String) {
    viewer {
      id
      notifications(first: 20, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          kind
          state
          sendAt
          sentAt
          attempts
          lastError
        }
      }
    }
  }
`);

const FailedQuery = graphql(`
  query FailedNotifications($id: ID!, $after: String) {
    community(id: $id) {
      id
      failedNotifications(first: 20, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          kind
          attempts
          lastError
          dueAt
          recipient {
            id
            name
          }
        }
      }
    }
  }
`);

const RetryMutation = graphql(`
  mutation RetryNotification($input: RetryNotificationInput!) {
    retryNotification(input: $input) {
      notification {
        id
        state
      }
    }
  }
`);

type Prefs = NonNullable<NotificationSettingsQuery["viewer"]>["notificationPreferences"];

/** kindLabel names a notification kind; kinds the catalog lacks use the server's label. */
function useKindLabel() {
  const { t } = useTranslation();
  return (kind: NotificationKind, label?: string) => t(`notify.kinds.${kind}`, { defaultValue: label ?? kind });
}

/** NotificationSettingsPage: which mail to get, quiet hours, and the calendar feed. */
export function NotificationSettingsPage() {
  const { t } = useTranslation();
  const [res] = useQuery({ query: NotificationSettingsQueryDoc, requestPolicy: "cache-and-network" });
  const viewer = res.data?.viewer;
  const loadErr = toFormErrors(res.error, [], t("app.networkError"));
  return (
    <Page title={t("notify.settingsTitle")}>
      <p className="lead">{t("notify.settingsIntro")}</p>
      <FormError message={loadErr.form} />
      {!viewer ? (
        <Skeleton lines={6} />
      ) : (
        <>
          <UndeliverableWarning reason={viewer.emailUndeliverable} />
          <PreferencesForm prefs={viewer.notificationPreferences} email={viewer.email} />
          <CalendarLink url={viewer.calendarUrl} />
        </>
      )}
      <p className="aside-links">
        <Link to="/me/notifications/history">{t("notify.toHistory")}</Link>
        <br />
        <Link to="/me">{t("app.back")}</Link>
      </p>
    </Page>
  );
}

function PreferencesForm({ prefs, email }: { prefs: Prefs; email: string }) {
  const { t } = useTranslation();
  const kindLabel = useKindLabel();
  const [form, setForm] = useState<PrefsForm>(() => prefsToForm(prefs));
  const [res, update] = useMutation(UpdatePreferencesMutation);
  const [saved, setSaved] = useState(false);
  const errs = toFormErrors(res.error, ["off", "digest", "quietHoursEnabled", "quietStart", "quietEnd"], t("app.networkError"));
  const optional = prefs.optionalKinds.filter((k) => k.kind !== "WEEKLY_DIGEST");

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const input = formToInput(form);
    setForm({ ...form, quietStart: input.quietStart, quietEnd: input.quietEnd });
    const r = await update({ input });
    if (r.data) setSaved(true);
  }

  const toggleKind = (kind: NotificationKind, on: boolean) =>
    setForm({ ...form, off: on ? form.off.filter((k) => k !== kind) : [...form.off, kind] });

  return (
    <form onSubmit={submit} noValidate className="form panel" aria-labelledby="kinds-h">
      <h2 id="kinds-h">{t("notify.kindsTitle")}</h2>
      <p className="muted small">{t("notify.sentTo", { email })}</p>
      <FormError message={errs.form} />
      <CheckGroup legend={t("notify.kindsLegend")} hint={t("notify.kindsHint")} error={errs.fields.off}>
        {optional.map((k) => (
          <CheckField
            key={k.kind}
            label={kindLabel(k.kind, k.label)}
            checked={!form.off.includes(k.kind)}
            onChange={(e) => toggleKind(k.kind, e.target.checked)}
          />
        ))}
        <CheckField
          label={t("notify.digest")}
          hint={t("notify.digestHint")}
          checked={form.digest}
          onChange={(e) => setForm({ ...form, digest: e.target.checked })}
          error={errs.fields.digest}
        />
      </CheckGroup>
      <h2 id="quiet-h">{t("notify.quietTitle")}</h2>
      <CheckField
        label={t("notify.quietEnabled")}
        hint={t("notify.quietEnabledHint")}
        checked={form.quietHoursEnabled}
        onChange={(e) => setForm({ ...form, quietHoursEnabled: e.target.checked })}
        error={errs.fields.quietHoursEnabled}
      />
      {form.quietHoursEnabled && (
        <div className="field-pair">
          <TextField
            label={t("notify.quietStart")}
            hint={t("notify.timeHint")}
            name="quietStart"
            inputMode="numeric"
            autoComplete="off"
            maxLength={5}
            value={form.quietStart}
            onChange={(e) => setForm({ ...form, quietStart: e.target.value })}
            error={errs.fields.quietStart}
          />
          <TextField
            label={t("notify.quietEnd")}
            hint={t("notify.timeHint")}
            name="quietEnd"
            inputMode="numeric"
            autoComplete="off"
            maxLength={5}
            value={form.quietEnd}
            onChange={(e) => setForm({ ...form, quietEnd: e.target.value })}
            error={errs.fields.quietEnd}
          />
        </div>
      )}
      <Notice message={saved ? t("notify.saved") : undefined} />
      <button type="submit" className="btn btn-primary btn-block" disabled={res.fetching}>
        {res.fetching ? t("app.saving") : t("notify.save")}
      </button>
    </form>
  );
}

/** copyText copies to the clipboard, with the old way for browsers without the API. */
async function copyText(text: string, input: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!input) return false;
    input.focus();
    input.select();
    try {
      return document.execCommand("copy");
    } catch {
      return false;
    }
  }
}

function CalendarLink({ url: initial }: { url: string }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState(initial);
  const [copied, setCopied] = useState<boolean>();
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string>();
  const [res, regenerate] = useMutation(RegenerateCalendarMutation);
  const input = useRef<HTMLTextAreaElement>(null);
  const errs = toFormErrors(res.error, [], t("app.networkError"));
  const webcal = url.replace(/^https?:/, "webcal:");
  return (
    <section className="panel" aria-labelledby="calendar-h">
      <h2 id="calendar-h">{t("notify.calendarTitle")}</h2>
      <p>{t("notify.calendarIntro")}</p>
      <details className="disclosure">
        <summary>{t("notify.calendarHowToTitle")}</summary>
        <ul className="plain-list">
          <li>{t("notify.calendarHowToIos")}</li>
          <li>{t("notify.calendarHowToAndroid")}</li>
        </ul>
      </details>
      <TextArea
        ref={input}
        label={t("notify.calendarLink")}
        hint={t("notify.calendarSecret")}
        readOnly
        rows={3}
        value={url}
        className="mono link-box"
        onFocus={(e) => e.target.select()}
      />
      <FormError message={errs.form} />
      <Notice
        kind={copied === false ? "info" : "ok"}
        message={copied === undefined ? notice : copied ? t("notify.copied") : t("notify.copyFailed")}
      />
      <div className="actions actions-stack">
        <button
          type="button"
          className="btn btn-primary"
          onClick={async () => {
            setNotice(undefined);
            setCopied(await copyText(url, input.current));
          }}
        >
          {t("notify.copy")}
        </button>
        <a className="btn" href={webcal}>
          {t("notify.subscribe")}
        </a>
        {!confirming && (
          <button
            type="button"
            className="btn btn-quiet"
            onClick={() => {
              setCopied(undefined);
              setNotice(undefined);
              setConfirming(true);
            }}
          >
            {t("notify.regenerate")}
          </button>
        )}
      </div>
      {confirming && (
        <div className="confirm" role="group" aria-labelledby="regen-q">
          <p id="regen-q">{t("notify.regenerateConfirm")}</p>
          <div className="actions">
            <button
              type="button"
              className="btn btn-danger"
              disabled={res.fetching}
              onClick={async () => {
                const r = await regenerate({});
                if (r.data) {
                  setUrl(r.data.regenerateCalendarUrl.calendarUrl);
                  setNotice(t("notify.regenerated"));
                  setConfirming(false);
                }
              }}
            >
              {t("notify.regenerateYes")}
            </button>
            <button type="button" className="btn" onClick={() => setConfirming(false)}>
              {t("app.cancel")}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

const STATE_TAG: Record<NotificationState, string> = {
  SENT: "tag tag-ok",
  PENDING: "tag tag-info",
  FAILED: "tag tag-error",
  CANCELLED: "tag tag-muted",
  SKIPPED: "tag tag-muted",
};

/** DeliveryReason says why a notification was not sent, in words when the outbox's own reason. */
function DeliveryReason({ lastError }: { lastError: string | null | undefined }) {
  const { t } = useTranslation();
  if (!lastError) return null;
  const note = deliveryNote(lastError);
  return (
    <p className="muted small">
      {t("notify.reason", { reason: note ? t(`notify.errors.${note}`) : lastError })}
    </p>
  );
}

/** NotificationHistoryPage lists the mail sent (or not) to the viewer. */
export function NotificationHistoryPage() {
  const { t, i18n } = useTranslation();
  const kindLabel = useKindLabel();
  const list = usePaged(HistoryQuery, { after: null }, (d) => d.viewer?.notifications);
  const errs = toFormErrors(list.error, [], t("app.networkError"));
  return (
    <Page title={t("notify.historyTitle")}>
      <p className="lead">{t("notify.historyIntro")}</p>
      <FormError message={errs.form} />
      <p className="muted count" aria-live="polite">
        {list.totalCount !== undefined ? t("notify.count", { count: list.totalCount }) : "\u00a0"}
      </p>
      {!list.nodes ? (
        <CardSkeleton count={3} />
      ) : list.nodes.length === 0 ? (
        <EmptyState title={t("notify.historyEmpty")} hint={t("notify.historyEmptyHint")} />
      ) : (
        <ul className="cards" aria-label={t("notify.historyTitle")}>
          {list.nodes.map((n) => (
            <li key={n.id} className="card">
              <p className="card-title">
                {kindLabel(n.kind)} <span className={STATE_TAG[n.state] ?? "tag"}>{t(`notify.states.${n.state}`)}</span>
              </p>
              <p className="muted small">
                {n.sentAt
                  ? t("notify.sentAt", { time: formatDateTime(n.sentAt, i18n.language) })
                  : t("notify.sendAt", { time: formatDateTime(n.sendAt, i18n.language) })}
              </p>
              {(n.attempts > 1 || n.state === "FAILED") && (
                <p className="muted small">{t("notify.attempts", { count: n.attempts })}</p>
              )}
              <DeliveryReason lastError={n.lastError} />
            </li>
          ))}
        </ul>
      )}
      {list.hasNextPage && <LoadMore onClick={() => void list.loadMore()} loading={list.loadingMore} />}
      <p className="aside-links">
        <Link to="/me/notifications">{t("notify.settingsTitle")}</Link>
      </p>
    </Page>
  );
}

/** FailedNotificationsPage lets a community's admins see mail that gave up and retry it. */
export function FailedNotificationsPage() {
  const { t, i18n } = useTranslation();
  const kindLabel = useKindLabel();
  const { community, can } = useCommunity();
  const list = usePaged(FailedQuery, { id: community.id, after: null }, (d) => d.community?.failedNotifications, !can.admin);
  const [rres, retry] = useMutation(RetryMutation);
  const [notice, setNotice] = useState<string>();
  const loadErr = toFormErrors(list.error, [], t("app.networkError"));
  const retryErr = toFormErrors(rres.error, [], t("app.networkError"));
  if (!can.admin) {
    return (
      <Page title={t("notify.failedTitle")}>
        <FormError message={t("notify.adminOnly")} />
      </Page>
    );
  }
  const zone = community.settings.timeZone;
  return (
    <Page title={t("notify.failedTitle")} wide>
      <p className="lead">{t("notify.failedIntro")}</p>
      <FormError message={loadErr.form ?? retryErr.form} />
      <Notice message={notice} />
      <p className="muted count" aria-live="polite">
        {list.totalCount !== undefined ? t("notify.count", { count: list.totalCount }) : "\u00a0"}
      </p>
      {!list.nodes ? (
        <CardSkeleton count={2} />
      ) : list.nodes.length === 0 ? (
        <EmptyState title={t("notify.failedEmpty")} hint={t("notify.failedEmptyHint")} />
      ) : (
        <ul className="cards cards-grid" aria-label={t("notify.failedTitle")}>
          {list.nodes.map((n) => {
            const name = n.recipient?.name ?? t("notify.unknownRecipient");
            return (
              <li key={n.id} className="card">
                <p className="card-title">{kindLabel(n.kind)}</p>
                <p>{t("notify.recipient", { name })}</p>
                <p className="muted small">{t("notify.dueAt", { time: formatDateTime(n.dueAt, i18n.language, zone) })}</p>
                <p className="muted small">{t("notify.attempts", { count: n.attempts })}</p>
                <DeliveryReason lastError={n.lastError} />
                <button
                  type="button"
                  className="btn btn-primary"
                  aria-label={t("app.labelFor", { action: t("notify.retry"), name: `${kindLabel(n.kind)} · ${name}` })}
                  disabled={rres.fetching}
                  onClick={async () => {
                    setNotice(undefined);
                    const r = await retry({ input: { notificationId: n.id } });
                    if (r.data) {
                      setNotice(t("notify.retried", { name }));
                      await list.refresh();
                    }
                  }}
                >
                  {t("notify.retry")}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {list.hasNextPage && <LoadMore onClick={() => void list.loadMore()} loading={list.loadingMore} />}
    </Page>
  );
}
