// Hand-written copy of the IPC contract (docs: brief/ipc-contract.md) until src-tauri generates this
// file with ts-rs under the same name and shape. Do not add anything that is not in the contract.
import type { ImageSlot } from "./ImageSlot";

export type ImageRef = { slot: ImageSlot, localId: string, width: number, height: number, bytes: number, preview: string, mediaId: string | null, uploadedAt: number | null, };
