import type { Role } from '@duban/domain';
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { session } from './session';

/** A page and who the menu offers it to; the API still decides what each caller may read. */
export interface MenuEntry {
  path: string;
  title: string;
  roles: readonly Role[];
}

export const MENU: readonly MenuEntry[] = [
  { path: '/overview', title: '安委办总览 Overview', roles: ['office'] },
  { path: '/unit/today', title: '今日任务 Today', roles: ['unit'] },
  { path: '/hazards', title: '隐患台账 Hazard ledger', roles: ['office', 'inspector', 'unit', 'auditor'] },
  { path: '/campaigns', title: '专项行动 Campaigns', roles: ['office', 'inspector', 'unit', 'auditor'] },
  { path: '/accidents', title: '事故 Accidents', roles: ['office', 'auditor'] },
  { path: '/enforcement-cases', title: '执法案件 Enforcement', roles: ['office', 'inspector', 'auditor'] },
  { path: '/audit', title: '履职记录 Audit trail', roles: ['office', 'auditor'] },
  { path: '/bundles', title: '审计导出 Audit bundle', roles: ['office', 'auditor'] },
];

/** Where a role lands after logging in. */
export const HOME: Record<Role, string> = { office: '/overview', inspector: '/hazards', unit: '/unit/today', auditor: '/audit' };

const routes: RouteRecordRaw[] = [
  { path: '/login', component: () => import('./pages/LoginPage.vue'), meta: { public: true } },
  { path: '/', redirect: () => (session.actor ? HOME[session.actor.role] : '/login') },
  { path: '/overview', component: () => import('./pages/OverviewPage.vue') },
  { path: '/hazards', component: () => import('./pages/HazardsPage.vue') },
  { path: '/hazards/:id', component: () => import('./pages/HazardPage.vue'), props: true },
  { path: '/campaigns', component: () => import('./pages/CampaignsPage.vue') },
  { path: '/campaigns/:id', component: () => import('./pages/CampaignPage.vue'), props: true },
  { path: '/unit/today', component: () => import('./pages/UnitTodayPage.vue') },
  { path: '/accidents', component: () => import('./pages/RecordsPage.vue'), props: { kind: 'accidents' } },
  { path: '/enforcement-cases', component: () => import('./pages/RecordsPage.vue'), props: { kind: 'enforcement-cases' } },
  { path: '/audit', component: () => import('./pages/AuditPage.vue') },
  { path: '/bundles', component: () => import('./pages/BundleExportPage.vue') },
  { path: '/:rest(.*)*', redirect: '/' },
];

export const router = createRouter({ history: createWebHistory('/workspace/'), routes });

router.beforeEach((to) => {
  if (!to.meta.public && !session.token) return { path: '/login', query: { next: to.fullPath } };
  return true;
});
