// The same signal LiveDesk's page sends: interactive at DOMContentLoaded.
document.addEventListener('DOMContentLoaded', () => window.__TAURI_INTERNALS__.invoke('ready'))
