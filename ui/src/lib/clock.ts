// Segment timers: a ticking "now" and durations as a clock reads them.
import { onScopeDispose, ref, type Ref } from 'vue'

/** 75 → "1:15"; 3725 → "1:02:05". Negative durations read as zero. */
export function formatClock(totalSecs: number): string {
  const s = Math.max(0, Math.floor(totalSecs))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const sec = String(s % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`
}

/** Unix ms, updated every `everyMs` while the calling component lives. */
export function useNow(everyMs = 500): Ref<number> {
  const now = ref(Date.now())
  const timer = setInterval(() => (now.value = Date.now()), everyMs)
  onScopeDispose(() => clearInterval(timer))
  return now
}
