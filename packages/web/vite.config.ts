import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// One SPA for the public portal (`/`) and the staff console (`/console/*`); the server serves
// dist/ and falls back to index.html for page paths (packages/server/src/plugins/web.plugin.ts),
// so assets stay at /assets/ whichever page loads them.
export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd alone is ~1 MB minified; it is split into its own long-cached chunk below.
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        manualChunks(id) {
          if (!id.includes('node_modules')) return undefined;
          if (/node_modules\/(react|react-dom|scheduler|react-router)\//.test(id)) return 'react';
          if (/node_modules\/(antd|@ant-design|rc-|@rc-component|dayjs)/.test(id)) return 'antd';
          return undefined;
        },
      },
    },
  },
  server: {
    // `npm run dev -w @pubcredit/web` next to `npm start` (port 8080).
    proxy: { '/api': process.env.PUBCREDIT_API ?? 'http://127.0.0.1:8080' },
  },
});
