import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { makeRouter } from './router'
import { makeI18n } from './i18n'
import { pageInteractive } from './lib/readiness'
import './styles.css'

// The modules are parsed and run by now: the first of the start's milestones.
performance.mark('livedesk:main')
const app = createApp(App)
app.use(createPinia())
app.use(makeRouter())
app.use(makeI18n())
app.mount('#app')
performance.mark('livedesk:mounted')

// Module scripts run before DOMContentLoaded, so this listener is in time.
document.addEventListener('DOMContentLoaded', pageInteractive)
