import { defineConfig } from "vite";

// Built files go into the Python package so `allegiance serve` needs no npm.
export default defineConfig({
  base: "/",
  build: {
    outDir: "../../src/allegiance/service/static",
    emptyOutDir: true,
    assetsDir: "assets",
    sourcemap: false,
  },
  server: { proxy: { "/api": "http://127.0.0.1:8000" } },
});
