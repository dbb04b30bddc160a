import type { ResultOf } from "@graphql-typed-document-node/core";
import { useTranslation } from "react-i18next";
import { graphql } from "../gql";
import { missingSeats, panelReady, seatShortfalls } from "../lib/deliberation";

/** RepresentativenessFields are each seat rule's coverage and the affected grids without a seat. */
export const RepresentativenessFields = graphql(`
  fragment RepresentativenessFields on Representativeness {
    rules {
      filled
      accepted
      rule {
        kind
        min
        max
        grid {
          id
          name
        }
      }
    }
    uncoveredGrids {
      id
      name
    }
  }
`);

/**
 * Representativeness is the panel's report against its seat rules: each
 * rule's seats (invited or accepted, and accepted), what it still misses,
 * and the affected grids without a seat. Only accepted seats count towards
 * a rule's minimum, as confirming the panel counts them: the report is
 * green only when every rule has its minimum of them. level is its
 * heading's: 4 under a step of the builder.
 */
export function Representativeness({ rep, level = 3 }: { rep: ResultOf<typeof RepresentativenessFields>; level?: 3 | 4 }) {
  const { t } = useTranslation();
  const H = level === 4 ? "h4" : "h3";
  const kindLabel = (k: string) => t(`panel.kinds.${k}`);
  const missing = missingSeats(seatShortfalls(rep.rules));
  const summary =
    missing > 0
      ? { cls: "alert alert-warn", text: t("panel.repMissing", { count: missing }) }
      : panelReady(rep)
        ? { cls: "alert alert-ok", text: t("panel.repReady") }
        : { cls: "alert alert-warn", text: t("panel.repMet") };
  return (
    <div className="representativeness">
      <H id="rep-h">{t("panel.repTitle")}</H>
      {rep.rules.length > 0 && <p className={summary.cls}>{summary.text}</p>}
      {rep.rules.length > 0 && (
        <ul className="link-list" aria-labelledby="rep-h">
          {rep.rules.map((c, i) => {
            const short = Math.max(0, c.rule.min - c.accepted);
            return (
              <li key={i} className={short > 0 ? "rep-gap" : undefined}>
                {kindLabel(c.rule.kind)}
                {c.rule.grid ? `（${c.rule.grid.name}）` : ""}: {t("panel.filled", { filled: c.filled, accepted: c.accepted, min: c.rule.min, max: c.rule.max })}{" "}
                {short > 0 ? <span className="tag tag-warn">{t("panel.gap", { gap: short })}</span> : <span className="tag tag-ok">✓</span>}
              </li>
            );
          })}
        </ul>
      )}
      {rep.uncoveredGrids.length > 0 && (
        <p className="alert alert-warn">{t("panel.uncovered", { grids: rep.uncoveredGrids.map((g) => g.name).join(t("app.listSep")) })}</p>
      )}
    </div>
  );
}
