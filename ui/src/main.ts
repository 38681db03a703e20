import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { makeRouter } from './router'
import { makeI18n } from './i18n'
import { pageInteractive } from './lib/readiness'
import './styles.css'

const app = createApp(App)
app.use(createPinia())
app.use(makeRouter())
app.use(makeI18n())
app.mount('#app')

// Module scripts run before DOMContentLoaded, so this listener is in time.
document.addEventListener('DOMContentLoaded', pageInteractive)
