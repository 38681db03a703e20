// Hand-written copy of the IPC contract (docs: brief/ipc-contract.md) until src-tauri generates this
// file with ts-rs under the same name and shape. Do not add anything that is not in the contract.
export type ShareImage = "qrcode" | "poster";
