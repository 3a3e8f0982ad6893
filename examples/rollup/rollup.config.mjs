// The configuration every Rollup app for browsers has: packages resolved from node_modules for the browser. Nothing
// for pccc-guard: its WebAssembly is inlined in the package's JavaScript.
import { nodeResolve } from '@rollup/plugin-node-resolve';

export default {
  input: 'src/app.js',
  output: { dir: 'dist', format: 'es' },
  plugins: [nodeResolve({ browser: true })],
};
