// A picture picked through the system dialog and prepared by the core (resized, checked) for its slot.
import * as api from '@/api'
import type { ImageSlot } from '@/api'
import { task } from '@/lib/task'

export function useImagePrepare(slot: () => ImageSlot) {
  const preparing = task()
  /** Answers the prepared picture, null when none was picked. */
  const pick = (title: string, filterName: string) =>
    preparing.run(async () => {
      const path = await api.pickImage(title, filterName)
      return path ? api.imagePrepare(slot(), path) : null
    })
  return { busy: preparing.loading, pick }
}
