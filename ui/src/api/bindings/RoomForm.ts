// Hand-written copy of the IPC contract (docs: brief/ipc-contract.md) until src-tauri generates this
// file with ts-rs under the same name and shape. Do not add anything that is not in the contract.
import type { ImageRef } from "./ImageRef";

export type RoomForm = { name: string, anchorName: string, anchorWechat: string, subAnchorWechat: string, createrWechat: string, startTime: number | null, endTime: number | null, roomType: number, closeLike: boolean, closeGoods: boolean, closeComment: boolean, closeReplay: boolean, closeShare: boolean, closeKf: boolean, isFeedsPublic: boolean, coverImg: ImageRef | null, shareImg: ImageRef | null, feedsImg: ImageRef | null, };
