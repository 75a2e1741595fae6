import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

/** Whether this browser can speak this language (voices load late: an empty list means "maybe"). */
export function canSpeak(win: Pick<Window, "speechSynthesis"> | undefined, lang: string): boolean {
  if (!win || !("speechSynthesis" in win) || !win.speechSynthesis || typeof SpeechSynthesisUtterance !== "function") return false;
  const voices = win.speechSynthesis.getVoices();
  return voices.length === 0 || voices.some((v) => v.lang.toLowerCase().startsWith(lang.toLowerCase()));
}

/**
 * "Read this page to me", with the browser's own speech. Drawn only after JavaScript has run and
 * only where the browser can speak, so nobody meets a button that does nothing.
 */
export function ReadAloud() {
  const { t } = useTranslation();
  const [supported, setSupported] = useState(false);
  const [speaking, setSpeaking] = useState(false);

  useEffect(() => {
    const lang = document.documentElement.lang;
    const check = () => setSupported(canSpeak(window, lang));
    check();
    if (!("speechSynthesis" in window)) return;
    window.speechSynthesis.addEventListener?.("voiceschanged", check);
    return () => {
      window.speechSynthesis.removeEventListener?.("voiceschanged", check);
      window.speechSynthesis.cancel();
    };
  }, []);

  if (!supported) return null;

  const toggle = () => {
    const synth = window.speechSynthesis;
    if (speaking) {
      synth.cancel();
      setSpeaking(false);
      return;
    }
    const main = document.getElementById("main-content");
    const utterance = new SpeechSynthesisUtterance(main?.innerText ?? "");
    utterance.lang = document.documentElement.lang;
    utterance.onend = () => setSpeaking(false);
    utterance.onerror = () => setSpeaking(false);
    synth.cancel();
    synth.speak(utterance);
    setSpeaking(true);
  };

  return (
    <button type="button" className="govuk-button govuk-button--secondary speakup-read-aloud" onClick={toggle} aria-pressed={speaking} data-testid="read-aloud">
      {speaking ? t("readAloud.stop") : t("readAloud.start")}
    </button>
  );
}
