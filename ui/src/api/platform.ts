// The official Tauri plugins (dialog, clipboard, opener), behind the same error type as the commands.
import { open, save } from '@tauri-apps/plugin-dialog'
import { writeText } from '@tauri-apps/plugin-clipboard-manager'
import { openUrl as openInBrowser } from '@tauri-apps/plugin-opener'
import { toIpcError } from './errors'

const IMAGE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'gif', 'webp', 'bmp']

async function wrap<T>(p: () => Promise<T>): Promise<T> {
  try {
    return await p()
  } catch (e) {
    throw toIpcError(e)
  }
}

/** Asks for one image file; null when the user cancels. */
export function pickImage(title: string, filterName: string): Promise<string | null> {
  return wrap(async () => {
    const picked = await open({
      title,
      multiple: false,
      directory: false,
      filters: [{ name: filterName, extensions: IMAGE_EXTENSIONS }],
    })
    return typeof picked === 'string' ? picked : null
  })
}

/** Asks where to save a PNG; null when the user cancels. */
export function pickPngSavePath(title: string, defaultPath: string): Promise<string | null> {
  return wrap(async () => {
    const path = await save({ title, defaultPath, filters: [{ name: 'PNG', extensions: ['png'] }] })
    return path ?? null
  })
}

/** Asks where to save a file of one kind (`csv`, `mp4`); null when the user cancels. */
export function pickSavePath(title: string, defaultPath: string, filterName: string, extension: string): Promise<string | null> {
  return wrap(async () => {
    const path = await save({ title, defaultPath, filters: [{ name: filterName, extensions: [extension] }] })
    return path ?? null
  })
}

export function copyText(text: string): Promise<void> {
  return wrap(() => writeText(text))
}

/** Opens an official page in the system browser. */
export function openUrl(url: string): Promise<void> {
  return wrap(() => openInBrowser(url))
}
