// The UI's layers: views and components render and emit; only stores and composables call the
// shell (through src/api), each holding its loading and error state once. This reads the sources
// and fails on a view or component that imports a value from the IPC layer or catches an error.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// (Node's path, not URL: the test's DOM replaces the global URL.)
const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src')

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.vue') ? [join(dir, e.name)] : [],
  )
}
const rendering = files(SRC).map((f) => ({ name: relative(SRC, f), text: readFileSync(f, 'utf8') }))

describe('views and components', () => {
  it('are found', () => {
    expect(rendering.some((f) => f.name.startsWith('views/'))).toBe(true)
    expect(rendering.some((f) => f.name.startsWith('components/'))).toBe(true)
  })

  it('import only types from the IPC layer (the generated rules excepted)', () => {
    const IMPORT = /^import\s+(?!type\s)(\* as \w+|\{[^}]*\}|\w+)\s+from\s+'@\/api(\/(commands|platform|events|ipc|errors))?'/gm
    // `import { type A, type B }` names types only.
    const values = (what: string) => !/^\{[^}]*\}$/.test(what) || what.slice(1, -1).split(',').some((n) => n.trim() && !n.trim().startsWith('type '))
    const offending = rendering.filter((f) => [...f.text.matchAll(IMPORT)].some((m) => values(m[1]!))).map((f) => f.name)
    expect(offending).toEqual([])
  })

  it('catch no errors themselves (their store or composable answers how an action ended)', () => {
    // One exception: the checklist's ticks read from localStorage, which may hold anything.
    const offending = rendering.filter((f) => /\bcatch\b/.test(f.text) && !f.name.endsWith('ChecklistCard.vue')).map((f) => f.name)
    expect(offending).toEqual([])
  })
})
