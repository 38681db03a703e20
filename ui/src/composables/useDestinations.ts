// The destinations view's data: the list, the selected destination and its address (signed
// afresh for Tencent Cloud each time it is read), saving, deleting and Send to OBS.
import { computed, ref } from 'vue'
import * as api from '@/api'
import type { DestinationAddressView, DestinationInput, DestinationView } from '@/api'
import { task } from '@/lib/task'

export function useDestinations() {
  const list = ref<DestinationView[]>([])
  const selected = ref<number | null>(null)
  const address = ref<DestinationAddressView | null>(null)
  /** The server OBS was given for the selected destination. */
  const sentServer = ref<string | null>(null)
  const loading = task()
  const addressing = task()
  const sending = task()

  const current = computed(() => list.value.find((d) => d.id === selected.value) ?? null)

  async function load() {
    await loading.run(async () => {
      list.value = await api.destinationsList()
    })
    if (selected.value === null && list.value[0]) select(list.value[0].id)
  }

  /** The destination's address, read again even for the same row (a saved change makes a new one). */
  async function loadAddress(id: number | null) {
    address.value = null
    addressing.clear()
    sentServer.value = null
    if (id === null) return
    await addressing.run(async () => {
      address.value = await api.destinationAddress(id)
    })
  }

  function select(id: number | null) {
    if (id === selected.value) return
    selected.value = id
    void loadAddress(id)
  }

  async function remove(d: DestinationView) {
    const out = await task().run(() => api.destinationDelete(d.id))
    if (out.ok) {
      if (selected.value === d.id) select(null)
      await load()
    }
    return out
  }

  const saving = task()
  const save = (id: number | null, input: DestinationInput) => saving.run(() => api.destinationSave(id, input))

  /** After a save: the list again, and the saved destination selected with its new address. */
  async function saved(d: DestinationView) {
    const was = selected.value
    await load()
    if (was === d.id) await loadAddress(d.id)
    else select(d.id)
  }

  async function sendObs() {
    const id = selected.value
    if (id === null) return null
    sentServer.value = null
    const out = await sending.run(() => api.destinationSendObs(id))
    if (out.ok) sentServer.value = out.value.server
    return out
  }

  return {
    list,
    selected,
    current,
    address,
    sentServer,
    error: loading.error,
    addressError: addressing.error,
    sending: sending.loading,
    saving: saving.loading,
    load,
    select,
    remove,
    save,
    saved,
    sendObs,
  }
}
