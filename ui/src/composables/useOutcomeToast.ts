import { useMessage } from 'naive-ui'
import type { Outcome } from '@/lib/task'

/** Says how a store's action ended: `done` on success (when given), the core's message on failure. */
export function useOutcomeToast() {
  const message = useMessage()
  return <T>(o: Outcome<T>, done?: string): boolean => {
    if (o.ok) {
      if (done) message.success(done)
    } else {
      message.error(o.error.message)
    }
    return o.ok
  }
}
