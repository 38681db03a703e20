// The room form's data: a server form on room_validate, with the create draft (none when editing
// a room), the room being edited loaded into it, and what a submit sends (room_create or room_edit).
import * as api from '@/api'
import type { RoomForm } from '@/api'
import { emptyRoomForm } from '@/lib/roomForm'
import { task } from '@/lib/task'
import { useServerForm } from './useServerForm'

export function useRoomForm(accountId: string, editId: number | null) {
  const server = useServerForm<RoomForm>({
    blank: emptyRoomForm,
    validate: (form) => api.roomValidate(accountId, form),
    draft:
      editId === null
        ? { load: () => api.draftLoad(accountId), save: (form) => api.draftSave(accountId, form), clear: () => api.draftClear(accountId) }
        : undefined,
    touchOnChange: true,
    // The room form says so at once (a draft not saved is worth knowing about).
    onBackgroundError: (e) => (server.formError.value = e.message),
  })

  /** The draft, or the room being edited. */
  const open = () => server.open(editId === null ? undefined : () => api.roomEditLoad(accountId, editId))

  /** Sends the form; answers the room's id. `handle` sees a refusal first (see useServerForm). */
  const submit = (handle?: Parameters<typeof server.submit>[1]) =>
    server.submit(
      (form) => (editId === null ? api.roomCreate(accountId, form).then((r) => r.roomId) : api.roomEdit(accountId, editId, form).then(() => editId)),
      handle,
    )

  // A create that may have reached WeChat is looked for in the room list, never sent again blindly.
  const finding = task()
  async function findCreated() {
    const out = await finding.run(() => api.roomFindCreated(accountId, server.snapshot()))
    if (out.ok && out.value) server.sentElsewhere()
    return out
  }

  return { ...server, open, submit, findCreated, finding: finding.loading, findError: finding.error }
}
