import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink, useMatch } from "react-router";
import { currentLang, setLang } from "../i18n";
import { largeText, setLargeText } from "../prefs";
import { abilities, useViewer } from "../viewer";

/** Shell is the frame of every page: header, navigation and main area. */
export function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { viewer } = useViewer();
  const match = useMatch("/c/:cid/*");
  const cid = match?.params.cid;
  const membership = cid ? viewer?.memberships.find((m) => m.community.id === cid) : undefined;
  const can = abilities(membership);
  const nav = viewer ? (
    <nav className="nav" aria-label={t("app.mainNav")}>
      <ul>
        {membership ? (
          <>
            <NavItem to={`/c/${cid}`} end icon="⌂" label={t("nav.home")} />
            <NavItem to={`/c/${cid}/topics`} icon="✎" label={t("nav.topics")} />
            <NavItem to={`/c/${cid}/resolutions`} icon="☑" label={t("nav.resolutions")} />
            {(can.directory || can.screener) && <NavItem to={`/c/${cid}/work`} icon="☷" label={t("nav.work")} />}
          </>
        ) : (
          <>
            <NavItem to="/communities" icon="⌂" label={t("nav.communities")} />
            {viewer.isOperator && <NavItem to="/operator" icon="⚙" label={t("nav.operator")} />}
          </>
        )}
        <NavItem to="/me" icon="☺" label={t("nav.me")} />
      </ul>
    </nav>
  ) : null;
  return (
    <div className={viewer ? "shell shell-nav" : "shell"}>
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            议
          </span>
          <span className="brand-text">
            <span className="brand-name">{t("app.name")}</span>
            {membership && <span className="brand-community">{membership.community.name}</span>}
          </span>
        </Link>
        <div className="topbar-actions">
          {!viewer && <LangSwitch />}
          <LargeTextSwitch />
        </div>
      </header>
      {nav}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}

function NavItem({ to, label, icon, end }: { to: string; label: string; icon: string; end?: boolean }) {
  return (
    <li>
      <NavLink to={to} end={end}>
        <span className="nav-icon" aria-hidden="true">
          {icon}
        </span>
        <span className="nav-label">{label}</span>
      </NavLink>
    </li>
  );
}

/** LangSwitch flips between Chinese and English; the choice is remembered. */
export function LangSwitch() {
  const { t } = useTranslation();
  const other = currentLang() === "en" ? "zh-CN" : "en";
  return (
    <button
      type="button"
      className="btn btn-quiet btn-small"
      lang={other}
      aria-label={t("app.switchLanguageLabel")}
      onClick={() => void setLang(other)}
    >
      {t("app.switchLanguage")}
    </button>
  );
}

/** LargeTextSwitch turns 大字 (large text) on and off. */
export function LargeTextSwitch() {
  const { t } = useTranslation();
  const [on, setOn] = useState(largeText);
  return (
    <button
      type="button"
      className="btn btn-quiet btn-small"
      aria-pressed={on}
      onClick={() => {
        setLargeText(!on);
        setOn(!on);
      }}
    >
      <span aria-hidden="true" className="large-text-glyph">
        {on ? "●" : "○"}
      </span>{" "}
      {t("app.largeText")}
    </button>
  );
}
