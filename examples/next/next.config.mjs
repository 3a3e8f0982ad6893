// This example lives inside the pccc-guard repository, whose own package-lock.json would otherwise make Next.js
// guess the wrong workspace root (and warn). A project of your own needs none of this file.
const config = { turbopack: { root: import.meta.dirname } };

export default config;
