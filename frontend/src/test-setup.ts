import i18n from "./i18n";
import en from "./locales/en";

// The app loads the English catalog when it is first needed (i18n.ts,
// loadLang); the tests have it from the start.
i18n.addResourceBundle("en", "translation", en);
