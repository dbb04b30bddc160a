import type { ResultOf } from "@graphql-typed-document-node/core";
import { useTranslation } from "react-i18next";
import { graphql } from "../gql";
import { panelReady } from "../lib/deliberation";

/** RepresentativenessFields are each seat rule's coverage and the affected grids without a seat. */
export const RepresentativenessFields = graphql(`
  fragment RepresentativenessFields on Representativeness {
    rules {
      filled
      accepted
      gap
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
 * rule's seats filled and accepted, its gap, and the affected grids without
 * a seat.
 */
export function Representativeness({ rep }: { rep: ResultOf<typeof RepresentativenessFields> }) {
  const { t } = useTranslation();
  const kindLabel = (k: string) => t(`panel.kinds.${k}`);
  const ready = panelReady(rep);
  return (
    <div className="representativeness">
      <h3 id="rep-h">{t("panel.repTitle")}</h3>
      <p className={ready ? "alert alert-ok" : "alert alert-warn"}>{ready ? t("panel.repReady") : t("panel.repGaps")}</p>
      {rep.rules.length > 0 && (
        <ul className="link-list" aria-labelledby="rep-h">
          {rep.rules.map((c, i) => (
            <li key={i} className={c.gap > 0 ? "rep-gap" : undefined}>
              {kindLabel(c.rule.kind)}
              {c.rule.grid ? `（${c.rule.grid.name}）` : ""}: {t("panel.filled", { filled: c.filled, accepted: c.accepted, min: c.rule.min, max: c.rule.max })}{" "}
              {c.gap > 0 ? <span className="tag tag-error">{t("panel.gap", { gap: c.gap })}</span> : <span className="tag tag-ok">✓</span>}
            </li>
          ))}
        </ul>
      )}
      {rep.uncoveredGrids.length > 0 && (
        <p className="alert alert-warn">{t("panel.uncovered", { grids: rep.uncoveredGrids.map((g) => g.name).join("、") })}</p>
      )}
    </div>
  );
}
