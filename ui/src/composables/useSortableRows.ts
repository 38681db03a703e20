// A list reordered by dragging its rows' `.drag-handle` (SortableJS in its pointer mode, so every
// platform's webview behaves alike) or with Alt+↑/↓ on a focused row. The list's owner makes the
// move in its data (`move(from, to)`); Vue owns the DOM, so Sortable's own move is undone.
import { nextTick, onBeforeUnmount, type Ref } from 'vue'
import Sortable from 'sortablejs'

export function useSortableRows(list: Ref<HTMLElement | null>, rowSelector: string, move: (from: number, to: number) => void) {
  let sortable: Sortable | null = null

  /** Starts dragging once the list is in the DOM (call from onMounted, after any first load). */
  function attach() {
    if (!list.value || sortable) return
    sortable = Sortable.create(list.value, {
      handle: '.drag-handle',
      animation: 150,
      forceFallback: true,
      onEnd: (ev) => {
        if (ev.oldIndex === undefined || ev.newIndex === undefined || ev.oldIndex === ev.newIndex) return
        const { item, from, oldIndex, newIndex } = ev
        from.removeChild(item)
        from.insertBefore(item, from.children[oldIndex] ?? null)
        move(oldIndex, newIndex)
      },
    })
  }

  /** A row's keydown: Alt+↑/↓ moves row `i` and keeps the focus on it. */
  async function onKey(e: KeyboardEvent, i: number) {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return
    e.preventDefault()
    const to = e.key === 'ArrowUp' ? i - 1 : i + 1
    move(i, to)
    await nextTick()
    list.value?.querySelectorAll<HTMLElement>(rowSelector)[to]?.focus()
  }

  onBeforeUnmount(() => sortable?.destroy())
  return { attach, onKey }
}
