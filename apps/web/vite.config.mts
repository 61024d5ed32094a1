import path from 'node:path';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

/**
 * The workspace (工作台), served by the API at /workspace (same origin, so the bearer token never
 * crosses origins). Labels and rejection words come from the domain itself (`@duban/domain`), so
 * the screens and the API never disagree on a status name or a refusal's Chinese text.
 */
export default defineConfig({
  root,
  base: '/workspace/',
  plugins: [vue()],
  resolve: { alias: { '@duban/domain': path.resolve(root, '../../libs/domain/src/index.ts') } },
  build: {
    outDir: path.resolve(root, '../../dist/apps/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: {
        // Vite 8 (rolldown) takes only the function form. The big libraries in their own chunks,
        // cached across releases of the app's code.
        manualChunks: (id: string) => {
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) return 'echarts';
          if (id.includes('node_modules/element-plus') || id.includes('node_modules/@element-plus')) return 'element-plus';
          if (id.includes('node_modules/')) return 'vendor';
          return undefined;
        },
      },
    },
  },
});
