import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import zhCN from "./locales/zh-CN";

/** Lang is a language the UI speaks; Chinese is the default. */
export type Lang = "zh-CN" | "en";

export const LANGS: Lang[] = ["zh-CN", "en"];
const KEY = "yishi.lang";

/** storedLang returns the remembered language, Chinese when none is. */
export function storedLang(storage: Pick<Storage, "getItem"> | undefined = safeStorage()): Lang {
  const v = storage?.getItem(KEY);
  return v === "en" ? "en" : "zh-CN";
}

function safeStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * loadLang makes a language's catalog ready. Chinese, the default, comes
 * with the app; English is a chunk of its own, loaded the first time it is
 * needed, so that the first screen does not wait for a catalog it does not
 * show.
 */
export async function loadLang(lang: Lang): Promise<void> {
  if (i18n.hasResourceBundle(lang, "translation")) return;
  const { default: en } = await import("./locales/en");
  i18n.addResourceBundle("en", "translation", en);
}

/**
 * setLang switches the UI language and remembers it. If the catalog cannot
 * be loaded (offline), the UI stays in the language it speaks.
 */
export async function setLang(lang: Lang): Promise<void> {
  try {
    await loadLang(lang);
  } catch {
    return;
  }
  safeStorage()?.setItem(KEY, lang);
  await i18n.changeLanguage(lang);
}

/** currentLang is the language the UI speaks now. */
export function currentLang(): Lang {
  return i18n.language === "en" ? "en" : "zh-CN";
}

/** The Chinese texts name the committee 村（居）委会, which fits any community. */
const COMMITTEE_ANY = "村（居）委会";
let committeeName = COMMITTEE_ANY;

/**
 * setCommunityKind makes the Chinese texts name the committee by the
 * community's kind: 村委会 in a village, 居委会 in an urban community;
 * null goes back to 村（居）委会.
 */
export function setCommunityKind(kind: "VILLAGE" | "COMMUNITY" | null) {
  committeeName = kind === "VILLAGE" ? "村委会" : kind === "COMMUNITY" ? "居委会" : COMMITTEE_ANY;
}

i18n.use({
  type: "postProcessor",
  name: "committee",
  process: (value: string) => (committeeName === COMMITTEE_ANY ? value : value.replaceAll(COMMITTEE_ANY, committeeName)),
});

i18n.on("languageChanged", (lng) => {
  document.documentElement.lang = lng;
});

void i18n.use(initReactI18next).init({
  resources: { "zh-CN": { translation: zhCN } },
  lng: "zh-CN",
  fallbackLng: "zh-CN",
  supportedLngs: LANGS,
  interpolation: { escapeValue: false },
  postProcess: ["committee"],
  returnNull: false,
  initAsync: false,
  showSupportNotice: false,
});
document.documentElement.lang = i18n.language;

/**
 * i18nReady settles when the remembered language can be shown: at once for
 * Chinese, once its catalog is loaded for English (or failed to load: then
 * the UI starts in Chinese).
 */
export const i18nReady: Promise<void> =
  storedLang() === "en"
    ? loadLang("en").then(
        () => i18n.changeLanguage("en").then(() => undefined),
        () => undefined,
      )
    : Promise.resolve();

export default i18n;
