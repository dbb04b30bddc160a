import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Page } from "./ui";

/** NotFoundPage answers a path the app does not know, or a record that is not there. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t("app.notFoundTitle")}>
      <p>{t("app.notFoundBody")}</p>
      <p>
        <Link className="btn btn-primary" to="/">
          {t("app.goHome")}
        </Link>
      </p>
    </Page>
  );
}
