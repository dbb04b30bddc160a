import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import zhCN from "./locales/zh-CN";
import en from "./locales/en";

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

/** setLang switches the UI language and remembers it. */
export async function setLang(lang: Lang): Promise<void> {
  safeStorage()?.setItem(KEY, lang);
  await i18n.changeLanguage(lang);
}

/** currentLang is the language the UI speaks now. */
export function currentLang(): Lang {
  return i18n.language === "en" ? "en" : "zh-CN";
}

i18n.on("languageChanged", (lng) => {
  document.documentElement.lang = lng;
});

void i18n.use(initReactI18next).init({
  resources: { "zh-CN": { translation: zhCN }, en: { translation: en } },
  lng: storedLang(),
  fallbackLng: "zh-CN",
  supportedLngs: LANGS,
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
  showSupportNotice: false,
});
document.documentElement.lang = i18n.language;

export default i18n;
