// Builds the dashboard into dist/, which `warta serve` serves. `npm run dev` serves the
// sources with the API proxied to a `warta serve` on port 8080.
import { defineConfig } from "vite";

export default defineConfig({
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { "/v1": "http://127.0.0.1:8080", "/healthz": "http://127.0.0.1:8080" } },
});
