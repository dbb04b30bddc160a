import { useState } from "react";
import { useTranslation } from "react-i18next";
import { graphql } from "../../gql";
import type { PatrolTeamTemplateFragment } from "../../gql/graphql";
import { loadText } from "../../lib/patrol";
import { daysText } from "../../lib/patrolTeam";
import { timeText } from "../../lib/volunteer";
import { EmptyState } from "../ui";
import { useDayWords } from "./dayWords";
import { TemplateForm } from "./TemplateForm";

graphql(`
  fragment PatrolTeamTemplate on ShiftTemplate {
    name
    days
    start
    end
    overnight
    night
    min
    max
    weight
    route {
      id
      name
    }
  }
`);

/**
 * TeamTemplates lists a team's shift templates for all: when each is
 * walked (on the community's clock, an overnight one ending the next day),
 * its route, how many walk it and its weight. The captain and the
 * committee add one (TemplateForm).
 */
export function TeamTemplates({
  teamId,
  templates,
  routes,
  manages,
  onDone,
}: {
  teamId: string;
  templates: readonly PatrolTeamTemplateFragment[];
  routes: readonly { id: string; name: string }[];
  manages: boolean;
  onDone: (msg: string) => void;
}) {
  const { t } = useTranslation();
  const words = useDayWords();
  const [adding, setAdding] = useState(false);
  return (
    <>
      {templates.length === 0 && <EmptyState title={t("patrolTeam.templates.none")} />}
      <ul className="plain-list patrol-templates">
        {templates.map((tp) => (
          <li key={tp.name} className="card patrol-template">
            <p className="patrol-when">
              <strong>{tp.name}</strong>
              {tp.night && <span className="tag">{t("patrol.night")}</span>}
            </p>
            <p>
              {daysText(tp.days, words)}{" "}
              {tp.overnight
                ? t("patrolTeam.templates.overnightSpan", { start: timeText(tp.start), end: timeText(tp.end) })
                : `${timeText(tp.start)}–${timeText(tp.end)}`}
            </p>
            <p className="muted">
              {t("patrolTeam.templates.line", { route: tp.route.name, min: tp.min, max: tp.max, weight: loadText(tp.weight) })}
            </p>
          </li>
        ))}
      </ul>
      {manages &&
        (routes.length === 0 ? (
          <p className="muted">{t("patrolTeam.templates.routeFirst")}</p>
        ) : adding ? (
          <TemplateForm
            teamId={teamId}
            routes={routes}
            onCancel={() => setAdding(false)}
            onDone={(msg) => {
              setAdding(false);
              onDone(msg);
            }}
          />
        ) : (
          <button type="button" className="btn btn-block" onClick={() => setAdding(true)}>
            + {t("patrolTeam.templates.add")}
          </button>
        ))}
    </>
  );
}
