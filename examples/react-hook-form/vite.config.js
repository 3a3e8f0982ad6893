import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Two pages: index.html (register) and controller.html (Controller).
export default defineConfig({
  plugins: [react()],
  build: { rollupOptions: { input: ['index.html', 'controller.html'] } },
});
