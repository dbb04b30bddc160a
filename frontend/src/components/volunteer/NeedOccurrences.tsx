import { useTranslation } from "react-i18next";
import type { VolunteerState } from "../../gql/graphql";
import { occurrenceTag, spanText } from "../../lib/volunteer";
import { ClaimActions } from "./ClaimActions";
import { NeedRate, NeedRating } from "./NeedRate";
import type { NeedView, OccurrenceView } from "./NeedTypes";

/**
 * NeedOccurrences lists the times a need is met (one, or one a week), each
 * with its state, how many places are taken, the viewer's own action on
 * it, and for the resident helped the rating once it is done. Times over
 * and settled fold away under "已过去的".
 */
export function NeedOccurrences({
  need,
  viewerId,
  volunteerState,
  code,
  now,
  zone,
  onDone,
}: {
  need: NeedView;
  viewerId: string;
  volunteerState: VolunteerState | null;
  code: string;
  now: Date;
  zone: string;
  onDone: (msg: string) => void;
}) {
  const { t } = useTranslation();
  const rates = need.helped?.id === viewerId || need.postedBy.id === viewerId;
  // An occurrence is past once it ended and nothing waits on it for the viewer.
  const waitsOnViewer = (o: OccurrenceView) =>
    o.claims.some((c) => c.volunteer.id === viewerId && (c.state === "CLAIMED" || c.state === "CHECKED_IN" || (c.state === "NO_SHOW" && !c.dispute))) ||
    (rates && o.state === "DONE" && o.rating == null);
  const past = need.occurrences.filter((o) => Date.parse(o.end) < now.getTime() && !waitsOnViewer(o));
  const current = need.occurrences.filter((o) => !past.includes(o));
  const card = (o: OccurrenceView) => (
    <OccurrenceCard key={o.id} need={need} o={o} viewerId={viewerId} volunteerState={volunteerState} rates={rates} code={code} now={now} zone={zone} onDone={onDone} />
  );
  return (
    <section className="panel need-occurrences" aria-labelledby="need-occ-h">
      <h2 id="need-occ-h">{need.weekly ? t("volunteer.occ.titleWeekly") : t("volunteer.occ.title")}</h2>
      {current.length === 0 && <p className="muted">{t("volunteer.occ.noneLeft")}</p>}
      {current.length > 0 && <ul className="cards">{current.map(card)}</ul>}
      {past.length > 0 && (
        <details className="disclosure">
          <summary>{t("volunteer.occ.past", { count: past.length })}</summary>
          <ul className="cards">{past.map(card)}</ul>
        </details>
      )}
    </section>
  );
}

function OccurrenceCard({
  need,
  o,
  viewerId,
  volunteerState,
  rates,
  code,
  now,
  zone,
  onDone,
}: {
  need: NeedView;
  o: OccurrenceView;
  viewerId: string;
  volunteerState: VolunteerState | null;
  rates: boolean;
  code: string;
  now: Date;
  zone: string;
  onDone: (msg: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const tag = occurrenceTag(o);
  const filled = Math.max(0, o.slots - o.openSlots);
  return (
    <li className="card occ-card">
      <p className="card-title">
        {need.weekly && <span className="occ-index">{t("volunteer.occ.index", { index: o.index })} </span>}
        {spanText(o.start, o.end, i18n.language, zone)}
      </p>
      <p className="tags">
        {(need.state === "OPEN" || o.state !== "OPEN") && <span className={tag.cls}>{t(`volunteer.occStates.${tag.key}`)}</span>}
        {o.urgent && o.state === "OPEN" && <span className="tag tag-warn">{t("volunteer.urgent")}</span>}
        <span className="tag">{t("volunteer.occ.filled", { filled, slots: o.slots })}</span>
      </p>
      {o.state !== "CANCELLED" && (
        <ClaimActions need={need} o={o} viewerId={viewerId} volunteerState={volunteerState} code={code} now={now} zone={zone} onDone={onDone} />
      )}
      {o.rating != null && <NeedRating stars={o.rating} note={o.ratingNote} />}
      {rates && o.state === "DONE" && o.rating == null && <NeedRate occurrenceId={o.id} onDone={onDone} />}
    </li>
  );
}
