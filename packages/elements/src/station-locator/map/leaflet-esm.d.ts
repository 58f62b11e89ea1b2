// Leaflet's package.json points `main` at a UMD build; browsers and the dev server need its ES module build,
// which has the same API as the `leaflet` types describe.
declare module 'leaflet/dist/leaflet-src.esm.js' {
  export * from 'leaflet';
}
