import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { graphql } from "../../gql";
import type { PatrolTeamRouteFragment } from "../../gql/graphql";
import { EmptyState } from "../ui";
import { RouteForm } from "./RouteForm";

graphql(`
  fragment PatrolTeamRoute on PatrolRoute {
    id
    name
    grid {
      id
      name
    }
    checkpoints {
      name
      code
      microGrid {
        id
        name
      }
    }
  }
`);

/** TeamRoute is a route as the team's page reads it; the checkpoints' codes only for the captain and the committee. */
export type TeamRoute = PatrolTeamRouteFragment;

/**
 * TeamRoutes lists a team's routes, each with its grid and its checkpoints
 * in walking order with their micro-grids, for all. The captain and the
 * committee open a route's printable QR sheet (?qr=) and add a route.
 */
export function TeamRoutes({ teamId, routes, manages, onDone }: { teamId: string; routes: readonly TeamRoute[]; manages: boolean; onDone: (msg: string) => void }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  return (
    <>
      {routes.length === 0 && <EmptyState title={t("patrolTeam.routes.none")} hint={manages ? t("patrolTeam.routes.noneHint") : undefined} />}
      <ul className="plain-list patrol-routes">
        {routes.map((r) => (
          <li key={r.id} className="card">
            <p className="card-title">{r.name}</p>
            <p className="muted">{t("patrolTeam.routes.gridLine", { grid: r.grid.name, count: r.checkpoints.length })}</p>
            <ol className="patrol-checkpoints">
              {r.checkpoints.map((c, i) => (
                <li key={i}>
                  {c.name} <span className="muted">· {c.microGrid.name}</span>
                </li>
              ))}
            </ol>
            {manages && (
              <Link className="btn" to={`?qr=${encodeURIComponent(r.id)}`} aria-label={t("patrolTeam.routes.qrFor", { route: r.name })}>
                {t("patrolTeam.routes.qr")}
              </Link>
            )}
          </li>
        ))}
      </ul>
      {manages &&
        (adding ? (
          <RouteForm
            teamId={teamId}
            onCancel={() => setAdding(false)}
            onDone={(msg) => {
              setAdding(false);
              onDone(msg);
            }}
          />
        ) : (
          <button type="button" className="btn btn-block" onClick={() => setAdding(true)}>
            + {t("patrolTeam.routes.add")}
          </button>
        ))}
    </>
  );
}
