import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { toFormErrors } from "../../lib/errors";
import { FormError } from "../ui";
import { TakeOfferedShiftDoc } from "./PositionFocus";
import { ShiftHead } from "./ShiftHead";

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
  const { t } = useTranslation();
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
            <ShiftHead
              start={p.start}
              end={p.end}
              night={p.night}
              zone={zone}
              route={p.route.name}
              routeNote={p.user ? ` · ${t("patrol.offeredBy", { name: p.user.name })}` : undefined}
            />
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
