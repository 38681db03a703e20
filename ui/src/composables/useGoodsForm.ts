// The goods form's data: a server form on goods_validate with its draft for adding goods; editing
// sends only what changed (goods_update), within what the goods' state allows, and is not checked
// by the add form's rules (a cover is required there).
import * as api from '@/api'
import type { GoodsChange, GoodsForm, GoodsView } from '@/api'
import { yuan } from '@/lib/price'
import { useServerForm } from './useServerForm'

export function blankGoods(): GoodsForm {
  return { coverImgUrl: null, name: '', priceType: 1, price: '', price2: '', url: '', thirdPartyAppid: '' }
}

export function goodsForm(g: GoodsView): GoodsForm {
  const r = g.goods
  return {
    coverImgUrl: null,
    name: r.name,
    priceType: r.priceType,
    price: yuan(r.price),
    price2: r.price2 === null ? '' : yuan(r.price2),
    url: r.url,
    thirdPartyAppid: r.thirdPartyAppid,
  }
}

/** What an edit sends: the price always, the rest only when changed and allowed. */
export function goodsChange(g: GoodsView, f: GoodsForm): GoodsChange {
  const r = g.goods
  const priceOnly = g.editable === 'price_only'
  return {
    goodsId: r.goodsId,
    coverImgUrl: priceOnly ? null : f.coverImgUrl,
    name: priceOnly || f.name === r.name ? null : f.name,
    priceType: f.priceType,
    price: f.price,
    price2: f.priceType === 1 ? null : f.price2,
    url: priceOnly || f.url === r.url ? null : f.url,
    thirdPartyAppid: priceOnly || f.thirdPartyAppid === r.thirdPartyAppid ? null : f.thirdPartyAppid,
  }
}

export function useGoodsForm(accountId: string, editing: GoodsView | null) {
  const server = useServerForm<GoodsForm>({
    // An edit starts from the goods as they are (and is never cleared).
    blank: editing ? () => goodsForm(editing) : blankGoods,
    validate: editing ? undefined : (form) => api.goodsValidate(form),
    draft: editing
      ? undefined
      : { load: () => api.goodsDraftLoad(accountId), save: (form) => api.goodsDraftSave(accountId, form), clear: () => api.goodsDraftClear(accountId) },
  })

  /** Adds the goods (then WeChat audits them), or sends the edit; answers the goods as they are now. */
  const submit = () =>
    server.submit((form) => (editing ? api.goodsUpdate(accountId, goodsChange(editing, form)) : api.goodsAdd(accountId, form)))

  return { ...server, submit }
}
