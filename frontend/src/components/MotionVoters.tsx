import type { ResultOf } from "@graphql-typed-document-node/core";
import { useTranslation } from "react-i18next";
import { graphql } from "../gql";
import { groupVoters, partyKey } from "../lib/deliberation";

/** MotionVotersFields are who may vote on a motion, fixed when it opened. */
export const MotionVotersFields = graphql(`
  fragment MotionVotersFields on Motion {
    voters {
      party
      user {
        id
        name
      }
    }
  }
`);

/**
 * MotionVoters is the folded list of who may vote on a motion, by side for
 * a three-party vote.
 */
export function MotionVoters({ voters }: { voters: ResultOf<typeof MotionVotersFields>["voters"] }) {
  const { t } = useTranslation();
  if (voters.length === 0) return null;
  const sep = t("app.listSep");
  return (
    <details className="disclosure voters">
      <summary>{t("motion.voters", { count: voters.length })}</summary>
      <ul className="plain-list">
        {groupVoters(voters).map((g) => (
          <li key={g.party ?? ""}>
            {g.party && (
              <span className="voters-party">
                {t("motion.votersOfParty", { party: t(partyKey(g.party), { defaultValue: g.party }) })}
              </span>
            )}
            {g.names.join(sep)}
          </li>
        ))}
      </ul>
    </details>
  );
}
