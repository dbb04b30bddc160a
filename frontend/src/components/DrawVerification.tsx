import type { ResultOf } from "@graphql-typed-document-node/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useClient } from "urql";
import { graphql } from "../gql";

/** DrawVerificationFields are the draws the panel's seats came from. */
export const DrawVerificationFields = graphql(`
  fragment DrawVerificationFields on Panel {
    seats {
      drawId
    }
  }
`);

const VerifyDrawQuery = graphql(`
  query VerifyDraw($drawId: ID!) {
    verifyDraw(drawId: $drawId)
  }
`);

/**
 * DrawVerification lets anyone check each of a panel's draws again against
 * its published seed; nothing before the first draw. level is its
 * heading's: 4 under a step of the builder.
 */
export function DrawVerification({ panel, level = 3 }: { panel: ResultOf<typeof DrawVerificationFields>; level?: 3 | 4 }) {
  const H = level === 4 ? "h4" : "h3";
  const { t } = useTranslation();
  const client = useClient();
  const [verified, setVerified] = useState<Record<string, boolean | "error">>({});
  const drawIds = [...new Set(panel.seats.map((s) => s.drawId).filter((d): d is string => !!d))];

  async function verify(drawId: string) {
    const r = await client.query(VerifyDrawQuery, { drawId }, { requestPolicy: "network-only" }).toPromise();
    setVerified((v) => ({ ...v, [drawId]: r.data ? r.data.verifyDraw : "error" }));
  }

  if (drawIds.length === 0) return null;
  return (
    <div className="verify">
      <H>{t("panel.verifyTitle")}</H>
      <p className="muted small">{t("panel.verifyHint")}</p>
      <ul className="link-list verify-list">
        {drawIds.map((id, i) => (
          <li key={id}>
            <button type="button" className="btn" onClick={() => void verify(id)}>
              {t("panel.verifyN", { n: i + 1 })}
            </button>{" "}
            {verified[id] === true && <span className="tag tag-ok">✓ {t("panel.verifyOk")}</span>}
            {verified[id] === false && <span className="tag tag-error">✗ {t("panel.verifyBad")}</span>}
            {verified[id] === "error" && <span className="tag tag-error">✗ {t("app.networkError")}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
