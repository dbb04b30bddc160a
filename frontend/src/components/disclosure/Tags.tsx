import { useTranslation } from "react-i18next";
import type { CommunityKind, DisclosureKind, DisclosureState, DisclosureVersionType, PeriodStatus } from "../../gql/graphql";
import { disclosureTags, kindLabel } from "../../lib/disclosure";

/** KindTag names a disclosure's kind, by the community's kind (村务 or 居务). */
export function KindTag({ kind, community }: { kind: DisclosureKind; community?: CommunityKind | null }) {
  const { t } = useTranslation();
  return <span className="tag tag-kind">{kindLabel(t, kind, community)}</span>;
}

/** StatusTags are a disclosure's standing in the colours that mean it: draft, on time, late, overdue, corrected, withdrawn. */
export function StatusTags({ d }: { d: { state: DisclosureState; status: PeriodStatus; current: { type: DisclosureVersionType; number: number } } }) {
  const { t } = useTranslation();
  return (
    <>
      {disclosureTags(d).map((tag) => (
        <span key={tag.key} className={tag.cls}>
          {t(tag.key)}
        </span>
      ))}
    </>
  );
}
