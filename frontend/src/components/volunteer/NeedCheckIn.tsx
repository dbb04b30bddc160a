import { useTranslation } from "react-i18next";
import { inCheckWindow, spanText } from "../../lib/volunteer";
import { CheckForm } from "./ClaimActions";
import type { NeedView } from "./NeedTypes";

/**
 * NeedCheckIn is what the place's QR code opens (?code=): the viewer's
 * claim of the occurrence on now, with the code filled in and 签到 (or
 * 签退 once checked in). Outside the window, or without a claim, it says
 * so.
 */
export function NeedCheckIn({ need, viewerId, code, now, zone, onDone }: { need: NeedView; viewerId: string; code: string; now: Date; zone: string; onDone: (msg: string) => void }) {
  const { t, i18n } = useTranslation();
  const mine = need.occurrences.flatMap((o) =>
    o.claims.filter((c) => c.volunteer.id === viewerId && (c.state === "CLAIMED" || c.state === "CHECKED_IN")).map((c) => ({ c, o })),
  );
  const open = mine.find(({ o }) => inCheckWindow(o, now));
  const next = mine.find(({ o }) => Date.parse(o.start) > now.getTime());
  let body;
  if (open) {
    body = (
      <>
        <p>{t("volunteer.checkin.for", { when: spanText(open.o.start, open.o.end, i18n.language, zone) })}</p>
        <CheckForm key={open.c.id + open.c.state} claimId={open.c.id} out={open.c.state === "CHECKED_IN"} code={code} onDone={onDone} />
      </>
    );
  } else if (next) {
    body = <p>{t("volunteer.checkin.notYet", { when: spanText(next.o.start, next.o.end, i18n.language, zone) })}</p>;
  } else {
    body = <p>{t("volunteer.checkin.noClaim")}</p>;
  }
  return (
    <section className="panel need-checkin" aria-labelledby="need-checkin-h">
      <h2 id="need-checkin-h">{t("volunteer.checkin.title")}</h2>
      {body}
    </section>
  );
}
