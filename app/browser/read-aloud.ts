/** Whether this browser can speak this language (voices load late: an empty list means "maybe"). */
export function canSpeak(win: Pick<Window, "speechSynthesis"> | undefined, lang: string): boolean {
  if (!win || !("speechSynthesis" in win) || !win.speechSynthesis || typeof SpeechSynthesisUtterance !== "function") return false;
  const voices = win.speechSynthesis.getVoices();
  return voices.length === 0 || voices.some((v) => v.lang.toLowerCase().startsWith(lang.toLowerCase()));
}

/**
 * "Read this page to me", with the browser's own speech, in the place the server left for it
 * (`data-module="speakup-read-aloud"`, its words in data-start and data-stop). The button is drawn
 * only where the browser can speak, so nobody meets a button that does nothing, and nobody without
 * JavaScript meets one at all.
 */
export function readAloud(slot: HTMLElement) {
  const lang = document.documentElement.lang;
  const start = slot.dataset.start ?? "";
  const stop = slot.dataset.stop ?? "";
  const button = document.createElement("button");
  button.type = "button";
  button.className = "govuk-button govuk-button--secondary speakup-read-aloud";
  button.dataset.testid = "read-aloud";
  let speaking = false;
  const show = (now: boolean) => {
    speaking = now;
    button.textContent = now ? stop : start;
    button.setAttribute("aria-pressed", String(now));
  };
  show(false);
  button.addEventListener("click", () => {
    const synth = window.speechSynthesis;
    synth.cancel();
    if (speaking) return show(false);
    const utterance = new SpeechSynthesisUtterance(document.getElementById("main-content")?.innerText ?? "");
    utterance.lang = lang;
    utterance.onend = () => show(false);
    utterance.onerror = () => show(false);
    synth.speak(utterance);
    show(true);
  });
  const check = () => {
    const supported = canSpeak(window, lang);
    if (supported && !button.isConnected) slot.append(button);
    if (!supported) button.remove();
  };
  check();
  if ("speechSynthesis" in window) {
    window.speechSynthesis.addEventListener?.("voiceschanged", check);
    // Leaving the page stops the voice (a page kept in the back/forward cache would go on talking).
    window.addEventListener("pagehide", () => window.speechSynthesis.cancel());
  }
}
