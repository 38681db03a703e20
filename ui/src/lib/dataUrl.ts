// Images come only from the core as data URLs; anything else (a remote URL, script) is dropped.
const IMAGE_DATA_URL = /^data:image\/(png|jpeg|gif|webp|bmp|svg\+xml)[;,]/i

export function safeImageSrc(s: string | null | undefined): string | null {
  return s && IMAGE_DATA_URL.test(s) ? s : null
}

/** An SVG string from the core, shown through <img> (which never runs scripts), not as markup. */
export function svgToDataUrl(svg: string): string | null {
  const trimmed = svg.trim()
  if (!trimmed.startsWith('<svg') && !trimmed.startsWith('<?xml')) return null
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(trimmed)}`
}
