import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { useEditedErrors } from "../../lib/editedErrors";
import { claimTag, confirmMinutes, hoursText, inCheckWindow, minutesOfHours } from "../../lib/volunteer";
import { ConfirmSheet } from "../ConfirmSheet";
import { DecisionCard } from "../DecisionCard";
import { EmptyState, FormError, TextField, formatDateTime } from "../ui";
import { CheckInMutation, CheckOutMutation, ConfirmHoursMutation, DecideDisputeMutation, MarkNoShowMutation } from "./ClaimMutations";
import { NeedOccurrencePicker, useOccurrence } from "./NeedOccurrencePicker";
import type { ClaimView, NeedView, OccurrenceView } from "./NeedTypes";

/** waitsOnStaff reports whether an occurrence's claims wait for those who run it: hours to confirm, a dispute to decide. */
function waitsOnStaff(o: OccurrenceView, now: Date): boolean {
  return o.claims.some(
    (c) => c.state === "CHECKED_OUT" || c.state === "CHECKED_IN" || (c.state === "CLAIMED" && Date.parse(c.start) <= now.getTime()) || (c.state === "NO_SHOW" && !!c.dispute),
  );
}

/**
 * NeedClaimsTab is the 认领 tab of those who run a need: for one
 * occurrence, who claimed which place and where each claim stands, with
 * 代为签到 and 代为签退 (coordinators and the grid's workers), 未到, 确认时长
 * and the decision on a disputed no-show (coordinators), then the
 * waitlist in order.
 */
export function NeedClaimsTab({
  need,
  coordinator,
  checksFor,
  now,
  zone,
  onDone,
}: {
  need: NeedView;
  coordinator: boolean;
  checksFor: boolean;
  now: Date;
  zone: string;
  onDone: (msg: string) => void;
}) {
  const { t } = useTranslation();
  const [o, choose] = useOccurrence(need.occurrences, (x) => waitsOnStaff(x, now) || x.state === "OPEN" || x.state === "IN_PROGRESS");
  if (!o) return <EmptyState title={t("volunteer.occ.noneLeft")} />;
  return (
    <section className="need-claims" aria-labelledby="need-claims-h">
      <h2 id="need-claims-h" className="visually-hidden">
        {t("volunteer.need.tabs.claims")}
      </h2>
      <NeedOccurrencePicker occurrences={need.occurrences} current={o} onChoose={choose} zone={zone} />
      <p className="muted">{t("volunteer.occ.filled", { filled: Math.max(0, o.slots - o.openSlots), slots: o.slots })}</p>
      {o.claims.length === 0 ? (
        <EmptyState title={t("volunteer.claims.none")} hint={t("volunteer.claims.noneHint")} />
      ) : (
        <ul className="cards">
          {o.claims.map((c) => (
            <ClaimCard key={c.id} claim={c} o={o} coordinator={coordinator} checksFor={checksFor} now={now} zone={zone} onDone={onDone} />
          ))}
        </ul>
      )}
      {o.waitlist.length > 0 && (
        <>
          <h3 className="sub-title">{t("volunteer.claims.waitlist")}</h3>
          <ol className="plain-list">
            {o.waitlist.map((w) => (
              <li key={w.volunteer.id}>{t("volunteer.claims.waiter", { position: w.position, name: w.volunteer.name })}</li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function ClaimCard({
  claim,
  o,
  coordinator,
  checksFor,
  now,
  zone,
  onDone,
}: {
  claim: ClaimView;
  o: OccurrenceView;
  coordinator: boolean;
  checksFor: boolean;
  now: Date;
  zone: string;
  onDone: (msg: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [ires, checkIn] = useMutation(CheckInMutation);
  const [ores, checkOut] = useMutation(CheckOutMutation);
  const [nres, noShow] = useMutation(MarkNoShowMutation);
  const [dres, decide] = useMutation(DecideDisputeMutation);
  const name = claim.volunteer.name;
  const started = Date.parse(claim.start) <= now.getTime();
  const inWindow = inCheckWindow(o, now);
  const at = (iso: string) => formatDateTime(iso, i18n.language, zone);
  const error = [ires.error, ores.error, nres.error, dres.error].find(Boolean);
  const err = error ? (error.networkError && error.graphQLErrors.length === 0 ? t("app.networkError") : error.graphQLErrors.map((g) => g.message).join(" ")) : undefined;
  const confirmable = coordinator && (claim.state === "CHECKED_IN" || claim.state === "CHECKED_OUT" || (claim.state === "CLAIMED" && started));
  return (
    <li className="card claim-card">
      <div className="card-row">
        <p className="card-title">{name}</p>
        <span className={claimTag(claim.state)}>{t(`volunteer.claimStates.${claim.state}`)}</span>
      </div>
      <p className="muted small meta">
        <span>{t("volunteer.claims.slot", { slot: claim.slot })}</span>
        {claim.promoted && <span>{t("volunteer.claims.promoted")}</span>}
        {claim.checkedInAt && <span>{t("volunteer.claims.inAt", { at: at(claim.checkedInAt) })}</span>}
        {claim.checkedOutAt && <span>{t("volunteer.claims.outAt", { at: at(claim.checkedOutAt) })}</span>}
        {claim.state === "CONFIRMED" && <span>{t("volunteer.claims.hours", { hours: hoursText(claim.minutes) })}</span>}
      </p>
      {claim.dispute && <p className="quote">{t("volunteer.claims.dispute", { text: claim.dispute })}</p>}
      <FormError message={err} />
      <div className="actions">
        {checksFor && inWindow && claim.state === "CLAIMED" && (
          <button
            type="button"
            className="btn"
            disabled={ires.fetching}
            aria-label={t("app.labelFor", { action: t("volunteer.claims.checkInFor"), name })}
            onClick={async () => {
              const r = await checkIn({ input: { claimId: claim.id } });
              if (r.data) onDone(t("volunteer.claims.checkedInFor", { name }));
            }}
          >
            {t("volunteer.claims.checkInFor")}
          </button>
        )}
        {checksFor && inWindow && claim.state === "CHECKED_IN" && (
          <button
            type="button"
            className="btn"
            disabled={ores.fetching}
            aria-label={t("app.labelFor", { action: t("volunteer.claims.checkOutFor"), name })}
            onClick={async () => {
              const r = await checkOut({ input: { claimId: claim.id } });
              if (r.data) onDone(t("volunteer.claims.checkedOutFor", { name }));
            }}
          >
            {t("volunteer.claims.checkOutFor")}
          </button>
        )}
      </div>
      {confirmable && <ConfirmHours claim={claim} onDone={onDone} />}
      {coordinator && claim.state === "CLAIMED" && started && (
        <div className="danger-zone">
          <ConfirmSheet
            trigger={t("volunteer.claims.noShow")}
            triggerLabel={t("app.labelFor", { action: t("volunteer.claims.noShow"), name })}
            title={t("volunteer.claims.noShowTitle", { name })}
            consequence={<p>{t("volunteer.claims.noShowConsequence")}</p>}
            confirm={t("volunteer.claims.noShowConfirm")}
            onConfirm={async () => {
              const r = await noShow({ input: { claimId: claim.id } });
              if (r.data) onDone(t("volunteer.claims.noShowDone", { name }));
            }}
          />
        </div>
      )}
      {coordinator && claim.state === "NO_SHOW" && claim.dispute && (
        <DecisionCard
          legend={t("volunteer.claims.disputeLegend", { name })}
          rule={t("volunteer.claims.disputeRule")}
          choices={[
            { value: "withdraw", label: t("volunteer.claims.withdraw"), icon: "✓", tone: "success" },
            { value: "keep", label: t("volunteer.claims.keep"), icon: "✗", tone: "neutral" },
          ]}
          confirmText={(label) => t("volunteer.claims.disputeConfirm", { label, name })}
          busy={dres.fetching}
          onDecide={async (v) => {
            const r = await decide({ input: { claimId: claim.id, withdraw: v === "withdraw" } });
            if (r.data) onDone(v === "withdraw" ? t("volunteer.claims.withdrawn", { name }) : t("volunteer.claims.kept", { name }));
          }}
        />
      )}
    </li>
  );
}

/**
 * ConfirmHours confirms a claim's hours, once, in half hours: offered from
 * check-in to check-out, or the occurrence's length. The sheet repeats the
 * hours and says they go into the time bank.
 */
function ConfirmHours({ claim, onDone }: { claim: ClaimView; onDone: (msg: string) => void }) {
  const { t } = useTranslation();
  const [hours, setHours] = useState(() => hoursText(confirmMinutes(claim)));
  const [res, confirm] = useMutation(ConfirmHoursMutation);
  const { errs, edit, sent } = useEditedErrors(res.error, ["minutes"], t("app.networkError"));
  const minutes = minutesOfHours(hours);
  const name = claim.volunteer.name;
  return (
    <div className="confirm-hours">
      <FormError message={errs.form} />
      <TextField
        label={t("volunteer.claims.hoursLabel", { name })}
        hint={t("volunteer.claims.hoursHint")}
        type="number"
        inputMode="decimal"
        min={0.5}
        max={14}
        step={0.5}
        value={hours}
        error={minutes === null && hours !== "" ? t("volunteer.claims.hoursInvalid") : errs.fields.minutes}
        onChange={(e) => {
          edit("minutes");
          setHours(e.target.value);
        }}
      />
      <ConfirmSheet
        trigger={t("volunteer.claims.confirmHours")}
        triggerLabel={t("app.labelFor", { action: t("volunteer.claims.confirmHours"), name })}
        triggerClass="btn btn-primary"
        disabled={minutes === null}
        title={t("volunteer.claims.confirmTitle", { name, hours: minutes ? hoursText(minutes) : hours })}
        consequence={<p>{t("volunteer.claims.confirmConsequence")}</p>}
        confirm={t("volunteer.claims.confirmHours")}
        onConfirm={async () => {
          if (minutes === null) return;
          sent();
          const r = await confirm({ input: { claimId: claim.id, minutes } });
          if (r.data) onDone(t("volunteer.claims.confirmed", { name, hours: hoursText(minutes) }));
        }}
      />
    </div>
  );
}
