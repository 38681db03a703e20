// Hand-written copy of the IPC contract (docs: brief/ipc-contract.md) until src-tauri generates this
// file with ts-rs under the same name and shape. Do not add anything that is not in the contract.
export type RoomView = { id: number, name: string, status: number, roomType: number, startTime: number, endTime: number, anchorName: string, coverImg: string, goodsCount: number, closeLike: boolean, closeGoods: boolean, closeComment: boolean, closeReplay: boolean, closeShare: boolean, closeKf: boolean, isFeedsPublic: boolean, };
