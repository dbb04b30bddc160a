/**
 * describeUserAgent names a browser and system from a User-Agent header,
 * briefly ("Chrome · Android"), so that a person can tell devices apart.
 * It returns "" when it recognises neither.
 */
export function describeUserAgent(ua: string): string {
  const browser =
    /MicroMessenger/i.test(ua) ? "WeChat" :
    /HeadlessChrome/i.test(ua) ? "Chrome (headless)" :
    /Edg\//.test(ua) ? "Edge" :
    /Firefox\//.test(ua) ? "Firefox" :
    /(Chrome|Chromium|CriOS)\//.test(ua) ? "Chrome" :
    /Safari\//.test(ua) ? "Safari" : "";
  const os =
    /HarmonyOS/i.test(ua) ? "HarmonyOS" :
    /Android/i.test(ua) ? "Android" :
    /(iPhone|iPad|iPod)/i.test(ua) ? "iOS" :
    /Windows/i.test(ua) ? "Windows" :
    /Mac OS X/i.test(ua) ? "macOS" :
    /Linux/i.test(ua) ? "Linux" : "";
  return [browser, os].filter(Boolean).join(" · ");
}
