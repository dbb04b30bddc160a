import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { CombinedError } from "@urql/core";
import { useMutation } from "urql";
import type { VolunteerState } from "../../gql/graphql";
import { useEditedErrors } from "../../lib/editedErrors";
import { hoursText, inCheckWindow, isLateCancel, spanText } from "../../lib/volunteer";
import { useCommunity } from "../../lib/community";
import { ConfirmSheet } from "../ConfirmSheet";
import { DecisionCard } from "../DecisionCard";
import { FormError, TextArea, TextField, formatDateTime } from "../ui";
import { CancelClaimMutation, CheckInMutation, CheckOutMutation, ClaimNeedMutation, DisputeNoShowMutation, LeaveWaitlistMutation } from "./ClaimMutations";
import type { ClaimView, NeedView, OccurrenceView } from "./NeedTypes";

/**
 * ClaimActions is the viewer's own action on one occurrence, as a
 * decision card: 认领 (or 候补 when every place is taken), then with a
 * claim 签到 and 签退 with the place's code, 取消认领 behind a sheet that
 * warns when it counts as late, 候补第 N 位 with 退出候补, and 申诉 against
 * a no-show.
 */
export function ClaimActions({
  need,
  o,
  viewerId,
  volunteerState,
  code,
  now,
  zone,
  onDone,
}: {
  need: NeedView;
  o: OccurrenceView;
  viewerId: string;
  volunteerState: VolunteerState | null;
  code: string;
  now: Date;
  zone: string;
  onDone: (msg: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const { community } = useCommunity();
  const [cres, claim] = useMutation(ClaimNeedMutation);
  const [xres, cancel] = useMutation(CancelClaimMutation);
  const [lres, leave] = useMutation(LeaveWaitlistMutation);
  const mine = o.claims.find((c) => c.volunteer.id === viewerId);
  const waiting = o.waitlist.find((w) => w.volunteer.id === viewerId);
  const when = spanText(o.start, o.end, i18n.language, zone);
  const err = toMessage([cres.error, xres.error, lres.error], t("app.networkError"));
  const base = `/c/${community.id}/volunteer`;

  if (mine) {
    return (
      <div className="claim-actions">
        <MyClaim claim={mine} o={o} code={code} now={now} zone={zone} onDone={onDone} />
        {mine.state === "CLAIMED" && (
          <div className="danger-zone">
            <ConfirmSheet
              trigger={t("volunteer.claim.cancel")}
              title={t("volunteer.claim.cancelTitle", { when })}
              consequence={
                isLateCancel(o.start, now) ? (
                  <p className="alert alert-warn">{t("volunteer.claim.cancelLate")}</p>
                ) : (
                  <p>{t("volunteer.claim.cancelNotLate")}</p>
                )
              }
              confirm={t("volunteer.claim.cancelConfirm")}
              onConfirm={async () => {
                const r = await cancel({ input: { claimId: mine.id } });
                if (r.data) onDone(t("volunteer.claim.cancelled"));
              }}
            />
          </div>
        )}
        <FormError message={err} />
      </div>
    );
  }
  if (waiting) {
    return (
      <div className="claim-actions">
        <p className="claim-line">
          <span className="tag tag-warn">{t("volunteer.claim.waitlisted", { position: waiting.position })}</span>
        </p>
        <p className="muted small">{t("volunteer.claim.waitlistHint")}</p>
        <button
          type="button"
          className="btn"
          disabled={lres.fetching}
          onClick={async () => {
            const r = await leave({ input: { occurrenceId: o.id } });
            if (r.data) onDone(t("volunteer.claim.leftWaitlist"));
          }}
        >
          {t("volunteer.claim.leaveWaitlist")}
        </button>
        <FormError message={err} />
      </div>
    );
  }
  const claimable = need.state === "OPEN" && o.state === "OPEN" && Date.parse(o.start) > now.getTime();
  if (!claimable) return null;
  if (volunteerState !== "ACTIVE") {
    const key = volunteerState === "PENDING" ? "pending" : volunteerState === "PAUSED" ? "paused" : "join";
    return (
      <p className="claim-actions muted">
        {t(`volunteer.claim.cannot.${key}`)}{" "}
        {key !== "pending" && <Link to={`${base}/profile`}>{t(`volunteer.claim.cannot.${key}Link`)}</Link>}
      </p>
    );
  }
  const full = o.openSlots <= 0;
  const label = full ? t("volunteer.claim.joinWaitlist") : t("volunteer.claim.claim");
  return (
    <div className="claim-actions">
      <DecisionCard
        legend={need.weekly ? t("volunteer.claim.legend", { when }) : t("volunteer.claim.legendOnce")}
        rule={full ? t("volunteer.claim.fullRule") : t("volunteer.claim.openRule", { count: o.openSlots })}
        choices={[{ value: "claim", label, icon: "✓", tone: "success" }]}
        confirmText={() => (full ? t("volunteer.claim.confirmWaitlist", { when }) : t("volunteer.claim.confirmClaim", { when }))}
        busy={cres.fetching}
        onDecide={async () => {
          const r = await claim({ input: { occurrenceId: o.id } });
          const p = r.data?.claimNeed;
          if (!p) return;
          onDone(p.waitlisted ? t("volunteer.claim.waitlistedDone", { position: p.position ?? 1 }) : t("volunteer.claim.claimed", { slot: p.claim?.slot ?? 1 }));
        }}
      />
      <FormError message={err} />
    </div>
  );
}

/** toMessage is the first failed request's message. */
function toMessage(errors: readonly (CombinedError | undefined)[], network: string): string | undefined {
  for (const e of errors) {
    if (!e) continue;
    if (e.networkError && e.graphQLErrors.length === 0) return network;
    return e.graphQLErrors.map((g) => g.message).join(" ");
  }
  return undefined;
}

/** MyClaim is the viewer's claim of an occurrence: where it stands, and 签到, 签退 or 申诉 when they are due. */
function MyClaim({ claim, o, code, now, zone, onDone }: { claim: ClaimView; o: OccurrenceView; code: string; now: Date; zone: string; onDone: (msg: string) => void }) {
  const { t, i18n } = useTranslation();
  const at = (iso: string | null) => (iso ? formatDateTime(iso, i18n.language, zone) : "");
  const open = inCheckWindow(o, now);
  // With the QR code's link (?code=), 扫码签到 above the details has the form: not twice.
  const form = open && !code;
  return (
    <>
      <p className="claim-line">
        <span className="tag tag-ok">{t("volunteer.claim.mine", { slot: claim.slot })}</span>{" "}
        <span>{t(`volunteer.claimStates.${claim.state}`)}</span>
      </p>
      {claim.state === "CLAIMED" && !open && <p className="muted small">{t("volunteer.claim.checkInLater")}</p>}
      {claim.state === "CLAIMED" && form && <CheckForm claimId={claim.id} out={false} code={code} onDone={onDone} />}
      {claim.state === "CHECKED_IN" && (
        <>
          <p className="muted small">{t("volunteer.claim.checkedInAt", { at: at(claim.checkedInAt) })}</p>
          {form && <CheckForm claimId={claim.id} out code={code} onDone={onDone} />}
        </>
      )}
      {claim.state === "CHECKED_OUT" && <p className="muted small">{t("volunteer.claim.waitConfirm")}</p>}
      {claim.state === "CONFIRMED" && <p className="muted small">{t("volunteer.claim.confirmedHours", { hours: hoursText(claim.minutes) })}</p>}
      {claim.state === "NO_SHOW" && (claim.dispute ? <p className="muted small">{t("volunteer.claim.disputed", { text: claim.dispute })}</p> : <DisputeForm claimId={claim.id} onDone={onDone} />)}
    </>
  );
}

/** CheckForm checks the viewer in (or out) with the code under the place's QR code, which the QR code's link fills in. */
export function CheckForm({ claimId, out, code, onDone }: { claimId: string; out: boolean; code: string; onDone: (msg: string) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(code);
  const [ires, checkIn] = useMutation(CheckInMutation);
  const [ores, checkOut] = useMutation(CheckOutMutation);
  const res = out ? ores : ires;
  const { errs, edit, sent } = useEditedErrors(res.error, ["code"], t("app.networkError"));
  return (
    <form
      className="form check-form"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        sent();
        const input = { claimId, code: value.trim() };
        const r = out ? await checkOut({ input }) : await checkIn({ input });
        if (r.data) onDone(out ? t("volunteer.claim.checkedOut") : t("volunteer.claim.checkedIn"));
      }}
    >
      <FormError message={errs.form} />
      <TextField
        label={t("volunteer.claim.code")}
        hint={t("volunteer.claim.codeHint")}
        name="code"
        autoComplete="off"
        autoCapitalize="characters"
        maxLength={16}
        value={value}
        error={errs.fields.code}
        onChange={(e) => {
          edit("code");
          setValue(e.target.value);
        }}
      />
      <button type="submit" className="btn btn-primary btn-block" disabled={res.fetching || !value.trim()}>
        {out ? t("volunteer.claim.checkOut") : t("volunteer.claim.checkIn")}
      </button>
    </form>
  );
}

/** DisputeForm is the volunteer's word against a no-show, once. */
function DisputeForm({ claimId, onDone }: { claimId: string; onDone: (msg: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const [res, dispute] = useMutation(DisputeNoShowMutation);
  const { errs, edit, sent } = useEditedErrors(res.error, ["text"], t("app.networkError"));
  return (
    <form
      className="form"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        sent();
        const r = await dispute({ input: { claimId, text } });
        if (r.data) onDone(t("volunteer.claim.disputeSent"));
      }}
    >
      <FormError message={errs.form} />
      <TextArea
        label={t("volunteer.claim.dispute")}
        hint={t("volunteer.claim.disputeHint")}
        rows={3}
        maxLength={300}
        value={text}
        error={errs.fields.text}
        onChange={(e) => {
          edit("text");
          setText(e.target.value);
        }}
      />
      <button type="submit" className="btn btn-primary" disabled={res.fetching}>
        {t("volunteer.claim.disputeSubmit")}
      </button>
    </form>
  );
}
