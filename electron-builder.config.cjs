// electron-builder configuration: `npm run dist` builds installers into release/.
// The bundles in dist/ carry the app's code; runtime dependencies listed in package.json are
// added by electron-builder itself (only playwright-core is loaded from node_modules at run time).
/** @type {import('app-builder-lib').Configuration} */
const config = {
  appId: 'net.folio.app',
  productName: 'Folio',
  copyright: 'Copyright © 2026 Folio contributors',
  directories: {
    output: 'release',
    buildResources: 'build',
  },
  files: ['dist/**/*', '!dist/**/*.map', 'package.json'],
  // Sample dumps stay plain files beside app.asar so the first-run import reads them as a folder.
  extraResources: [{ from: 'seeds', to: 'seeds', filter: ['**/*'] }],
  asar: true,
  icon: 'build/icon.png',
  fileAssociations: [
    {
      ext: ['html', 'htm'],
      name: 'Saved web page',
      description: 'Saved web page',
      role: 'Viewer',
      mimeType: 'text/html',
    },
    {
      ext: 'txt',
      name: 'Saved article dump',
      description: 'Saved article dump',
      role: 'Viewer',
      mimeType: 'text/plain',
    },
  ],
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    icon: 'build/icons',
    synopsis: 'Archive manager for saved news articles',
    maintainer: 'Folio contributors <folio@example.invalid>',
  },
  deb: {
    // Chromium's sandbox and NSS, as Electron apps usually need on Debian/Ubuntu.
    depends: ['libnss3', 'libgtk-3-0', 'libxss1', 'libasound2 | libasound2t64'],
  },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.productivity',
    hardenedRuntime: true,
  },
  dmg: {
    title: 'Folio ${version}',
  },
  win: {
    target: ['nsis'],
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
  },
};

module.exports = config;
