// End-to-end steps of Getting started, run by run.mjs in its session: the sandbox account is
// activated and ready; when the simulator answers 48001 the verdict says it is not activated;
// the mini program side is generated for a room, custom_params typed into the builder.

import assert from 'node:assert/strict'

export async function startSteps({ s, step, sim, typeField, shot, go }) {
  const kind = () => s.execute(`const el = document.querySelector('[data-testid="start-verdict-result"]'); return el ? el.getAttribute('data-kind') : ''`)

  await step('getting started: the sandbox is ready; 48001 is told as not activated', async () => {
    await go(s, '#/start')
    await s.waitFor('[data-testid="start-view"]')
    await s.until(async () => (await kind()) === 'ready', { timeoutMs: 20000, what: 'the ready verdict' })
    await s.waitFor('[data-testid="req-live_player_category"]', { what: 'the checklist' })
    await shot(s, 'start')
    await sim('POST', '/__sim/access', { live_activated: false })
    try {
      await s.clickWhenFree(await s.waitFor('[data-testid="start-check"]'))
      await s.until(async () => (await kind()) === 'not_activated', { timeoutMs: 20000, what: 'the not-activated verdict' })
      assert.match(await s.text(await s.waitFor('[data-testid="start-verdict-result"]')), /未开通|not activated/i)
    } finally {
      await sim('POST', '/__sim/access', { live_activated: true })
    }
  })

  await step('the mini program side names the room, custom_params from the builder', async () => {
    await s.waitFor('[data-testid="snippet-navigate"]', { timeoutMs: 20000, what: 'the snippets' })
    await s.clickWhenFree(await s.waitFor('[data-testid="start-snippets"] .n-dynamic-input button'))
    await typeField(s, 'param-key', 'src')
    await typeField(s, 'param-value', '朋友圈')
    await s.clickWhenFree(await s.waitFor('[data-testid="params-apply"]'))
    const nav = await s.until(async () => {
      const text = await s.text(await s.waitFor('[data-testid="snippet-navigate"] pre'))
      return text.includes('custom_params') && text
    }, { what: 'custom_params in the navigateTo snippet' })
    const room = /const roomId = (\d+)/.exec(nav)
    assert.ok(room, nav)
    await s.waitFor('[data-testid="start-room"]')
    const chosen = await s.execute('return document.querySelector(\'[data-testid="start-room"]\').textContent')
    assert.ok(chosen.includes(`(${room[1]})`), `the snippet names the chosen room: ${chosen} / ${room[1]}`)
    const record = await sim('GET', `/__sim/rooms/${room[1]}`)
    assert.ok(chosen.includes(record.name), `the chosen room is the simulator's ${record.name}`)
    // encodeURIComponent(JSON.stringify({src: '朋友圈'})), as the plugin reads it.
    assert.ok(nav.includes(encodeURIComponent(JSON.stringify({ src: '朋友圈' }))), nav)
    const appJson = await s.text(await s.waitFor('[data-testid="snippet-app_json"] pre'))
    assert.match(appJson, /wx2b03c6e691cd7370/)
    await s.execute('document.querySelector(\'[data-testid="snippet-app_json"]\').scrollIntoView({ block: "start" })')
    await shot(s, 'start-snippets')
  })
}
