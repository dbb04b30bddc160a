import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useClient } from "urql";
import { graphql } from "../gql";

const VerifyDrawQuery = graphql(`
  query VerifyDraw($drawId: String!) {
    verifyDraw(drawId: $drawId)
  }
`);

/** DrawVerification lets anyone check each of a panel's draws again against its published seed. */
export function DrawVerification({ drawIds }: { drawIds: string[] }) {
  const { t } = useTranslation();
  const client = useClient();
  const [verified, setVerified] = useState<Record<string, boolean | "error">>({});

  async function verify(drawId: string) {
    const r = await client.query(VerifyDrawQuery, { drawId }, { requestPolicy: "network-only" }).toPromise();
    setVerified((v) => ({ ...v, [drawId]: r.data ? r.data.verifyDraw : "error" }));
  }

  return (
    <div className="verify">
      <h3>{t("panel.verifyTitle")}</h3>
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
