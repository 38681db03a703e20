/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import { readFileSync } from 'node:fs'
import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'

/**
 * The start screen's Naive UI styles, generated at build time (naive-start-styles.json, kept true
 * by tests/unit/startStyles.spec.ts) and put into the page's head with the cssr-id Naive looks for:
 * its components then find them in place instead of generating and inserting each while the first
 * screen mounts. Other views' styles are still generated when first shown.
 */
function naiveStartStyles(): Plugin {
  const styles = JSON.parse(readFileSync(new URL('./naive-start-styles.json', import.meta.url), 'utf8')) as [string, string][]
  // Whitespace runs are one space to CSS (Naive's own has no strings where it would matter).
  const tags = styles.map(([id, css]) => `<style cssr-id="${id}">${css.replace(/\s+/g, ' ')}</style>`).join('')
  return {
    name: 'livedesk-naive-start-styles',
    // After the title: the charset stays first, and the app's own stylesheet (which Vite adds at
    // the head's end) still comes after Naive's and overrides it.
    transformIndexHtml: (html) => {
      if (!html.includes('</title>')) throw new Error('index.html has no <title>: the Naive start styles go after it')
      return html.replace('</title>', `</title>${tags}`)
    },
  }
}

// Tauri serves the built files from ui/dist; the dev server port is fixed for `tauri dev`.
export default defineConfig({
  plugins: [vue(), naiveStartStyles()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  clearScreen: false,
  server: { port: 1420, strictPort: true },
  build: {
    target: 'es2021',
    // Everything is bundled and served from the app: no remote URLs, no inline data fonts.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/__tests__/**/*.spec.ts', 'tests/unit/**/*.spec.ts'],
    restoreMocks: true,
    clearMocks: true,
  },
})
