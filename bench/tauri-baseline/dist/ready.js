// The same signal LiveDesk's page sends: interactive at DOMContentLoaded, with the page's own time.
document.addEventListener('DOMContentLoaded', () =>
  window.__TAURI_INTERNALS__.invoke('ready', { pageMs: performance.now() }),
)
