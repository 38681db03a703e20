// The two locales, each merged from the areas' files (areas/*.ts hold both languages of one area
// side by side, so a new message is added to both at once). No two areas share a top-level key.
import type { Locale } from '@/api'
import app from './areas/app'
import accounts from './areas/accounts'
import rooms from './areas/rooms'
import roomForm from './areas/roomForm'
import goods from './areas/goods'
import shelf from './areas/shelf'
import journal from './areas/journal'
import live from './areas/live'
import obs from './areas/obs'
import start from './areas/start'
import ways from './areas/ways'
import destinations from './areas/destinations'

export const AREAS = { app, accounts, rooms, roomForm, goods, shelf, journal, live, obs, start, ways, destinations }

function locale(l: Locale) {
  return {
    ...app[l],
    ...accounts[l],
    ...rooms[l],
    ...roomForm[l],
    ...goods[l],
    ...shelf[l],
    ...journal[l],
    ...live[l],
    ...obs[l],
    ...start[l],
    ...ways[l],
    ...destinations[l],
  }
}

export const messages = { 'zh-CN': locale('zh-CN'), en: locale('en') }
export type MessageSchema = (typeof messages)['zh-CN']
