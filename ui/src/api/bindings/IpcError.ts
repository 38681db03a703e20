// Hand-written copy of the IPC contract (docs: brief/ipc-contract.md) until src-tauri generates this
// file with ts-rs under the same name and shape. Do not add anything that is not in the contract.
export type IpcError = { code: string, message: string, field?: string, detail?: Record<string, unknown>, };
