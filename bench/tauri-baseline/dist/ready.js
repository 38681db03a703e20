// The same signals LiveDesk's page sends: interactive at DOMContentLoaded, then its content painted
// (two animation frames later), each with the page's own time at DOMContentLoaded.
document.addEventListener('DOMContentLoaded', () => {
  const pageMs = performance.now()
  const ready = (painted) => window.__TAURI_INTERNALS__.invoke('ready', { pageMs, painted })
  ready(false)
  requestAnimationFrame(() => requestAnimationFrame(() => ready(true)))
})
