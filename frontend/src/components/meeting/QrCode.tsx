import { useEffect, useRef } from "react";

/** QrCode draws a URL as a QR code, for the room to scan. */
export function QrCode({ url, label }: { url: string; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    // The QR library loads only where a code is shown (the committee's meeting page).
    const el = canvas.current;
    if (!el) return;
    void import("qrcode")
      .then((m) => m.default.toCanvas(el, url, { width: 240, margin: 2 }))
      .catch(() => undefined);
  }, [url]);
  return <canvas ref={canvas} className="qr" role="img" aria-label={label} width={240} height={240} />;
}
