// A form whose rules are the core's: it asks a *_validate command as the user types (debounced)
// and shows each problem at its field, but only on fields the user touched (all of them after a
// submit); it keeps a draft between visits (saved on change, flushed on leave, restored on open);
// and it routes a refused submit's error to its field, or else to the form. The room form and
// the goods form both run on it; what they send is theirs.
import { onScopeDispose, reactive, ref, watch } from 'vue'
import { toIpcError, type FieldError, type IpcError } from '@/api'
import { debounce } from '@/lib/debounce'
import { task, type Outcome } from '@/lib/task'

/** Debounce of validation while typing, and of draft saving. */
export const VALIDATE_MS = 250
export const DRAFT_MS = 400

export interface FormDraft<F> {
  load: () => Promise<F | null>
  save: (form: F) => Promise<void>
  clear: () => Promise<void>
}

export interface ServerFormOptions<F extends object> {
  /** The empty form (also what a discarded draft goes back to). */
  blank: () => F
  /** The core's rules; none: nothing is checked before sending (goods edits send only changes). */
  validate?: (form: F) => Promise<FieldError[]>
  /** Where the typed form is kept between visits; none: no draft (editing). */
  draft?: FormDraft<F>
  /**
   * A field is touched once its value changes (typing, picking), instead of when `touch(field)`
   * is called (on blur). A restored draft's fields that differ from the blank form count as changed.
   */
  touchOnChange?: boolean
  /** Validating or saving the draft failed meanwhile; by default nothing is said (a submit will tell). */
  onBackgroundError?: (e: IpcError) => void
}

export type SubmitOutcome<T> =
  | { kind: 'sent'; value: T }
  /** The core's rules refused the form: nothing was sent. */
  | { kind: 'invalid'; errors: FieldError[] }
  | { kind: 'failed'; error: IpcError }

export function useServerForm<F extends object>(opts: ServerFormOptions<F>) {
  const fields = Object.keys(opts.blank()) as (keyof F & string)[]
  const form = reactive(opts.blank()) as F
  const touched = reactive(new Set<string>())
  const submitted = ref(false)
  const fieldErrors = ref<Record<string, string>>({})
  /** Errors the UI found itself (a picture refused): shown whatever was touched. */
  const localErrors = reactive<Record<string, string | null>>({})
  const formError = ref<string | null>(null)
  const submitting = ref(false)
  const draftRestored = ref(false)
  // Changes made while the form is being filled in by the code (opening, discarding) are not the user's.
  let ready = false

  const snapshot = (): F => JSON.parse(JSON.stringify(form)) as F
  const background = (e: unknown) => opts.onBackgroundError?.(toIpcError(e))

  function errorOf(field: keyof F & string): string | undefined {
    if (localErrors[field]) return localErrors[field] ?? undefined
    if (!submitted.value && !touched.has(field)) return undefined
    return fieldErrors.value[field]
  }
  const statusOf = (field: keyof F & string): 'error' | undefined => (errorOf(field) ? 'error' : undefined)

  function setErrors(list: FieldError[]) {
    const map: Record<string, string> = {}
    for (const e of list) if (!(e.field in map)) map[e.field] = e.message
    fieldErrors.value = map
  }

  // Only the newest answer is shown: an older one may arrive after it.
  let validateSeq = 0
  async function validateNow(): Promise<FieldError[]> {
    if (!opts.validate) return []
    const seq = ++validateSeq
    try {
      const list = await opts.validate(snapshot())
      if (seq === validateSeq) setErrors(list)
      return list
    } catch (e) {
      // Validation itself failing must not block typing.
      background(e)
      return []
    }
  }
  const validateSoon = debounce(() => void validateNow(), VALIDATE_MS)
  const saveDraftSoon = debounce((f: F) => {
    opts.draft?.save(f).catch(background)
  }, DRAFT_MS)

  let previous: Record<string, string> = {}
  function remember() {
    previous = Object.fromEntries(fields.map((k) => [k, JSON.stringify(form[k])]))
  }

  watch(
    () => form,
    () => {
      if (!ready) return
      if (opts.touchOnChange) {
        for (const k of fields) if (JSON.stringify(form[k]) !== previous[k]) touched.add(k)
      }
      remember()
      validateSoon()
      if (opts.draft) saveDraftSoon(snapshot())
    },
    { deep: true },
  )

  /** Marks `field` touched (on blur) and checks the form soon. */
  function touch(field: keyof F & string) {
    touched.add(field)
    validateSoon()
  }

  /**
   * Fills the form before the user starts: from `load` (the thing being edited) when given, else
   * from the draft. Answers how `load` ended (null when there was none).
   */
  async function open(load?: () => Promise<F>): Promise<Outcome<F> | null> {
    let out: Outcome<F> | null = null
    if (load) {
      out = await task().run(load)
      if (out.ok) Object.assign(form, out.value)
    } else if (opts.draft) {
      const draft = await task().run(opts.draft.load)
      if (!draft.ok) background(draft.error)
      else if (draft.value) {
        Object.assign(form, draft.value)
        draftRestored.value = true
        if (opts.touchOnChange) {
          const blank = opts.blank()
          for (const k of fields) if (JSON.stringify(draft.value[k]) !== JSON.stringify(blank[k])) touched.add(k)
        }
        void validateNow()
      }
    }
    remember()
    ready = true
    return out
  }

  /** Back to the blank form, the draft dropped; answers how dropping it ended. */
  async function reset(): Promise<Outcome<void>> {
    saveDraftSoon.cancel()
    validateSoon.cancel()
    ready = false
    Object.assign(form, opts.blank())
    touched.clear()
    submitted.value = false
    fieldErrors.value = {}
    draftRestored.value = false
    remember()
    const out = await task().run(async () => {
      await opts.draft?.clear()
    })
    if (!out.ok) background(out.error)
    ready = true
    return out
  }

  /**
   * Checks the form with the core, then `send`s it. A refusal goes to `handle` first (an error the
   * caller shows its own way: it answers true), then to its field, else to `formError`.
   */
  async function submit<T>(send: (form: F) => Promise<T>, handle?: (e: IpcError) => boolean): Promise<SubmitOutcome<T>> {
    submitted.value = true
    formError.value = null
    validateSoon.cancel()
    saveDraftSoon.flush()
    const errors = await validateNow()
    if (errors.length) return { kind: 'invalid', errors }
    submitting.value = true
    try {
      const value = await send(snapshot())
      // Sent: the draft is the core's to drop; nothing typed before is saved again.
      saveDraftSoon.cancel()
      return { kind: 'sent', value }
    } catch (e) {
      const err = toIpcError(e)
      if (handle?.(err)) {
        /* shown by the caller */
      } else if (err.field && (fields as string[]).includes(err.field)) {
        fieldErrors.value = { ...fieldErrors.value, [err.field]: err.message }
      } else {
        formError.value = err.message
      }
      return { kind: 'failed', error: err }
    } finally {
      submitting.value = false
    }
  }

  /** The form reached the core another way (found after all): a pending draft save is dropped. */
  const sentElsewhere = () => saveDraftSoon.cancel()

  // Leaving the page: nothing more to check, but what was typed is kept.
  onScopeDispose(() => {
    validateSoon.cancel()
    saveDraftSoon.flush()
  })

  return {
    form,
    touched,
    submitted,
    fieldErrors,
    localErrors,
    formError,
    submitting,
    draftRestored,
    errorOf,
    statusOf,
    touch,
    snapshot,
    validateNow,
    open,
    reset,
    submit,
    sentElsewhere,
  }
}
