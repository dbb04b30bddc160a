import { useTranslation } from "react-i18next";
import type { DayWords } from "../../lib/patrolTeam";

/** useDayWords is how the viewer's language writes days (daysText): 周一, 周一至周五, 每天. */
export function useDayWords(): DayWords {
  const { t } = useTranslation();
  return {
    day: (d) => t(`volunteer.weekdays.${d}`),
    range: (from, to) => t("patrolTeam.days.range", { from, to }),
    every: t("patrolTeam.days.every"),
    join: t("patrolTeam.days.join"),
  };
}
