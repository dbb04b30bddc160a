import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { checkpointLink } from "../../lib/patrolTeam";
import { QrCode } from "../meeting/QrCode";
import type { TeamRoute } from "./TeamRoutes";

/**
 * RouteQrSheet is a route's checkpoints' QR codes on one printable sheet,
 * for the captain and the committee: each code opens the patrol page with
 * the check-in filled in, and its 8-character code stands under it for a
 * phone that cannot scan. Printing leaves the app's frame and the buttons
 * out (@media print), and keeps each card on one page.
 */
export function RouteQrSheet({ route, communityId }: { route: TeamRoute; communityId: string }) {
  const { t } = useTranslation();
  return (
    <section className="patrol-qr" aria-labelledby="patrol-qr-h">
      <h2 id="patrol-qr-h">{t("patrolTeam.qr.title", { route: route.name })}</h2>
      <p className="no-print">{t("patrolTeam.qr.hint")}</p>
      <div className="actions no-print">
        <button type="button" className="btn btn-primary" onClick={() => window.print()}>
          {t("patrolTeam.qr.print")}
        </button>
        <Link className="btn" to="?">
          {t("patrolTeam.qr.back")}
        </Link>
      </div>
      <ol className="plain-list patrol-qr-sheet">
        {route.checkpoints.map((c, i) =>
          c.code ? (
            <li key={i} className="patrol-qr-card">
              <p className="patrol-qr-name">
                {i + 1}. {c.name}
              </p>
              <QrCode url={checkpointLink(window.location.origin, communityId, c.code)} label={t("patrolTeam.qr.label", { n: i + 1, name: c.name })} />
              <p className="muted">
                {route.name} · {c.microGrid.name}
              </p>
              <p>
                {t("patrolTeam.qr.code")} <strong className="need-qr-code">{c.code}</strong>
              </p>
            </li>
          ) : null,
        )}
      </ol>
    </section>
  );
}
