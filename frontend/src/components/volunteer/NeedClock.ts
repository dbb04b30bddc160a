import { useEffect, useState } from "react";

/**
 * useNeedClock is the time now, renewed every half minute, so that a need
 * page offers check-in when its window opens and stops taking claims once
 * an occurrence starts, without a reload.
 */
export function useNeedClock(intervalMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = window.setInterval(() => setNow(new Date()), intervalMs);
    return () => window.clearInterval(id);
  }, [intervalMs]);
  return now;
}
