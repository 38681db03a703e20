// A minimal W3C WebDriver client over plain HTTP (Node's fetch): enough to drive the real app
// through tauri-driver. No dependencies.

// The W3C web element identifier (WebDriver §12.1).
export const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf'

/** An element id as a script argument. */
export const elementArg = (id) => ({ [ELEMENT]: id })

export class Session {
  constructor(base, id) {
    this.base = base
    this.id = id
  }

  static async start(base, application) {
    const res = await call(base, 'POST', '/session', {
      capabilities: { alwaysMatch: { browserName: 'wry', 'tauri:options': { application } } },
    })
    return new Session(base, res.sessionId)
  }

  cmd(method, path, body) {
    return call(this.base, method, `/session/${this.id}${path}`, body)
  }

  async quit() {
    await this.cmd('DELETE', '').catch(() => {})
  }

  async findAll(css) {
    const els = await this.cmd('POST', '/elements', { using: 'css selector', value: css })
    return els.map((e) => e[ELEMENT])
  }

  /** Waits until `css` matches at least one element; answers the first. */
  async waitFor(css, { timeoutMs = 20000, what = css } = {}) {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const els = await this.findAll(css)
      if (els.length > 0) return els[0]
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for ${what}\n--- page text ---\n${await this.pageText()}`)
      }
      await sleep(150)
    }
  }

  /** Waits until `pred()` answers a truthy value; answers it. */
  async until(pred, { timeoutMs = 20000, what = 'a condition' } = {}) {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const v = await pred()
      if (v) return v
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for ${what}\n--- page text ---\n${await this.pageText()}`)
      }
      await sleep(150)
    }
  }

  click(el) {
    return this.cmd('POST', `/element/${el}/click`, {})
  }

  /** Clicks `el` once nothing covers it any more (a toast, a closing modal). */
  async clickWhenFree(el, opts = {}) {
    await this.until(async () => {
      try {
        await this.click(el)
        return true
      } catch (e) {
        if (/element click intercepted/.test(e.message)) return false
        throw e
      }
    }, { what: 'the element to be clickable', ...opts })
  }

  async clear(el) {
    await this.cmd('POST', `/element/${el}/clear`, {})
  }

  type(el, text) {
    return this.cmd('POST', `/element/${el}/value`, { text })
  }

  text(el) {
    return this.cmd('GET', `/element/${el}/text`)
  }

  property(el, name) {
    return this.cmd('GET', `/element/${el}/property/${name}`)
  }

  attribute(el, name) {
    return this.cmd('GET', `/element/${el}/attribute/${name}`)
  }

  execute(script, args = []) {
    return this.cmd('POST', '/execute/sync', { script, args })
  }

  /** Runs an async function body; `done(value)` is the last argument, as in WebDriver. */
  executeAsync(script, args = []) {
    return this.cmd('POST', '/execute/async', { script, args })
  }

  /** Calls a Tauri command from the page, as the UI does. Throws the IpcError as JSON. */
  async invoke(cmd, args = {}) {
    const r = await this.executeAsync(
      `const [cmd, args, done] = arguments;
       window.__TAURI_INTERNALS__.invoke(cmd, args).then(
         (ok) => done({ ok }), (err) => done({ err: err ?? null }))`,
      [cmd, args],
    )
    if ('err' in r) throw new Error(`${cmd}: ${JSON.stringify(r.err)}`)
    return r.ok
  }

  async pageText() {
    try {
      return String(await this.execute('return document.body ? document.body.innerText : ""')).slice(0, 3000)
    } catch (e) {
      return `(unavailable: ${e.message})`
    }
  }

  async screenshot() {
    return Buffer.from(await this.cmd('GET', '/screenshot'), 'base64')
  }
}

async function call(base, method, path, body) {
  const res = await fetch(base + path, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  })
  const json = await res.json().catch(() => ({}))
  if (!res.ok) {
    throw new Error(`WebDriver ${method} ${path}: HTTP ${res.status} ${JSON.stringify(json.value ?? json)}`)
  }
  return json.value
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
