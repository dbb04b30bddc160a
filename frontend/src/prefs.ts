// Display preferences kept in this browser: the 大字 (large text) switch.

const KEY = "yishi.largeText";

/** largeText reports whether large text is on. */
export function largeText(): boolean {
  try {
    return window.localStorage.getItem(KEY) === "1";
  } catch {
    return false;
  }
}

/** applyLargeText puts the switch on the root element, where the CSS reads it. */
export function applyLargeText(on: boolean): void {
  document.documentElement.classList.toggle("large-text", on);
}

/** setLargeText turns large text on or off and remembers it. */
export function setLargeText(on: boolean): void {
  try {
    window.localStorage.setItem(KEY, on ? "1" : "0");
  } catch {
    // private mode: the switch works for this visit only
  }
  applyLargeText(on);
}
