import type { ResultOf } from "@graphql-typed-document-node/core";
import { useTranslation } from "react-i18next";
import { graphql } from "../../gql";
import { partyKey } from "../../lib/deliberation";

/** MotionResultFields are a motion's result: while open the turnout alone; once closed its count (none on a secret vote), quorum, outcome and why it failed, and each party's agreement. */
export const MotionResultFields = graphql(`
  fragment MotionResultFields on Motion {
    secret
    closed
    result {
      countsHidden
      open
      yes
      no
      abstain
      voters
      cast
      entitled
      quorum
      passed
      reason
      parties {
        party
        agreed
        yes
        no
        abstain
      }
    }
  }
`);

/** MotionResult is a motion's turnout while open, then its count, quorum and outcome with the reason it failed, by party for a three-party vote. */
export function MotionResult({ motion: mo }: { motion: ResultOf<typeof MotionResultFields> }) {
  const { t } = useTranslation();
  const r = mo.result;
  if (r?.open) {
    return <p className="vote-result muted">{t("motion.turnout", { cast: r.cast, entitled: r.entitled })}</p>;
  }
  return (
    <>
      {r && (
        <div className="vote-result">
          <p>
            {r.countsHidden ? t("motion.secretResult", { voters: r.voters }) : t("motion.counts", { yes: r.yes, no: r.no, abstain: r.abstain, voters: r.voters })}
          </p>
          <p className="tags">
            <span className={r.quorum ? "tag tag-ok" : "tag tag-warn"}>{r.quorum ? t("motion.quorumOk") : t("motion.quorumNo")}</span>
            {mo.closed && <span className={r.passed ? "tag tag-ok" : "tag tag-error"}>{r.passed ? t("motion.passed") : t("motion.failed")}</span>}
          </p>
          {mo.closed && r.reason && <p className="vote-reason">{r.reason}</p>}
          {r.parties.length > 0 && (
            <ul className="link-list" aria-label={t("motion.partiesTitle")}>
              {r.parties.map((p) => (
                <li key={p.party}>
                  {t(partyKey(p.party), { defaultValue: p.party })}
                  {!r.countsHidden && <>: {t("motion.partyCounts", { yes: p.yes, no: p.no, abstain: p.abstain })}</>}
                  {mo.closed && (
                    <>
                      {" "}
                      <span className={p.agreed ? "tag tag-ok" : "tag tag-error"}>
                        {p.agreed ? t("motion.partyAgrees") : t("motion.partyDisagrees")}
                      </span>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {!r && mo.secret && <p className="muted small">{t("motion.secretPending")}</p>}
    </>
  );
}
