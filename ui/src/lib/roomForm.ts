import type { RoomForm } from '@/api'

/** WeChat's defaults where the reference gives one (closeReplay 1, closeKf 1, isFeedsPublic 1). */
export function emptyRoomForm(): RoomForm {
  return {
    name: '',
    anchorName: '',
    anchorWechat: '',
    subAnchorWechat: '',
    createrWechat: '',
    startTime: null,
    endTime: null,
    roomType: 1,
    closeLike: false,
    closeGoods: false,
    closeComment: false,
    closeReplay: true,
    closeShare: false,
    closeKf: true,
    isFeedsPublic: true,
    coverImg: null,
    shareImg: null,
    feedsImg: null,
  }
}

export const ROOM_FORM_FIELDS = Object.keys(emptyRoomForm()) as (keyof RoomForm)[]
