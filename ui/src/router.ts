import { createRouter, createWebHashHistory, createMemoryHistory, type RouteRecordRaw } from 'vue-router'
// Each view is its own chunk: the shell is interactive without parsing the data table and the
// forms; the start view's chunk loads while the accounts are fetched (it waits for them anyway).
const RoomsView = () => import('@/views/RoomsView.vue')
const RoomCreateView = () => import('@/views/RoomCreateView.vue')
const RoomOverviewView = () => import('@/views/RoomOverviewView.vue')
const AccountsView = () => import('@/views/AccountsView.vue')
const GoodsView = () => import('@/views/GoodsView.vue')
const JournalView = () => import('@/views/JournalView.vue')
const LiveConsoleView = () => import('@/views/LiveConsoleView.vue')
const StartView = () => import('@/views/StartView.vue')
const DestinationsView = () => import('@/views/DestinationsView.vue')
const ObsView = () => import('@/views/ObsView.vue')
const AnchorView = () => import('@/views/AnchorView.vue')

export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/rooms' },
  { path: '/rooms', name: 'rooms', component: RoomsView },
  { path: '/rooms/new', name: 'room-new', component: RoomCreateView },
  { path: '/rooms/:id(\\d+)/edit', name: 'room-edit', component: RoomCreateView, props: (r) => ({ id: Number(r.params.id) }) },
  { path: '/rooms/:id(\\d+)/live', name: 'room-live', component: LiveConsoleView, props: (r) => ({ id: Number(r.params.id) }) },
  { path: '/rooms/:id(\\d+)', name: 'room', component: RoomOverviewView, props: (r) => ({ id: Number(r.params.id) }) },
  { path: '/goods', name: 'goods', component: GoodsView },
  { path: '/journal', name: 'journal', component: JournalView },
  { path: '/obs', name: 'obs', component: ObsView },
  { path: '/start', name: 'start', component: StartView },
  { path: '/destinations', name: 'destinations', component: DestinationsView },
  { path: '/accounts', name: 'accounts', component: AccountsView },
  // The anchor view's own window: no sidebar (App.vue renders `bare` routes alone).
  {
    path: '/anchor/:account/:room(\\d+)',
    name: 'anchor',
    component: AnchorView,
    meta: { bare: true },
    props: (r) => ({ accountId: String(r.params.account), roomId: Number(r.params.room) }),
  },
  { path: '/:rest(.*)*', redirect: '/rooms' },
]

// Hash history: works from tauri://localhost and from `vite preview` without a fallback.
export function makeRouter(memory = false) {
  return createRouter({ history: memory ? createMemoryHistory() : createWebHashHistory(), routes })
}
