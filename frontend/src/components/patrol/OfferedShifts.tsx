import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { toFormErrors } from "../../lib/errors";
import { whenText } from "../../lib/volunteerDesk";
import { FormError } from "../ui";
import { TakeOfferedShiftDoc } from "./PositionFocus";

/** OfferedShift is a place a team-mate offers for a swap. */
export interface OfferedShift {
  id: string;
  start: string;
  end: string;
  night: boolean;
  route: { name: string };
  user?: { name: string } | null;
}

/**
 * OfferedShifts lists the places team-mates offer for a swap (换班), each
 * with 接班: the swap takes effect at once when every rule still holds,
 * else it waits for the captain, and the message says which.
 */
export function OfferedShifts({
  teamId,
  shifts,
  zone,
  onDone,
}: {
  teamId: string;
  shifts: OfferedShift[];
  zone: string;
  onDone: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [res, take] = useMutation(TakeOfferedShiftDoc);
  if (shifts.length === 0) return null;
  return (
    <section className="panel" aria-labelledby={`pt-offered-${teamId}`}>
      <h2 id={`pt-offered-${teamId}`}>{t("patrol.offeredList")}</h2>
      <p className="muted">{t("patrol.offeredHint")}</p>
      <FormError message={toFormErrors(res.error, [], t("app.networkError")).form} />
      <ul className="plain-list patrol-shifts">
        {shifts.map((p) => (
          <li key={p.id} className="card patrol-shift patrol-offered">
            <p className="patrol-when">
              <strong>{whenText(p.start, p.end, i18n.language, zone)}</strong>
              {p.night && <span className="tag">{t("patrol.night")}</span>}
            </p>
            <p>
              {t("patrol.route")}：{p.route.name}
              {p.user && ` · ${t("patrol.offeredBy", { name: p.user.name })}`}
            </p>
            <button
              type="button"
              className="btn btn-primary btn-block"
              disabled={res.fetching}
              onClick={async () => {
                const r = await take({ input: { positionId: p.id } });
                const out = r.data?.takeOfferedShift;
                if (out) onDone(out.pending ? `${t("patrol.focus.waiting")}${out.reason ? ` ${out.reason}` : ""}` : t("patrol.swapped"));
              }}
            >
              {t("patrol.focus.takeOffered")}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
