// Goods prices as WeChat means them: fen held, yuan shown, the second amount read by price type.

/** 9990 → "99.90". */
export function yuan(fen: number): string {
  return (fen / 100).toFixed(2)
}

/** A goods' price in one line: fixed, a range, or the current price with the original struck. */
export function priceLine(priceType: number, price: number, price2: number | null): { now: string; was: string | null } {
  if (priceType === 2 && price2 !== null) return { now: `¥${yuan(price)}–${yuan(price2)}`, was: null }
  if (priceType === 3 && price2 !== null) return { now: `¥${yuan(price2)}`, was: `¥${yuan(price)}` }
  return { now: `¥${yuan(price)}`, was: null }
}
