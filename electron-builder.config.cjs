// electron-builder configuration: `npm run dist` builds installers into release/.
// The bundles in dist/ carry all of the app's code: main, preload and workers require only
// Node built-ins and electron (playwright-core is the CLI's PDF printer; the app prints with
// Electron). So no node_modules ship: electron-builder would otherwise copy every production
// dependency (tsx with its native esbuild binary, playwright-core, React…), 48 MB the app never
// loads.
/** @type {import('app-builder-lib').Configuration} */
const config = {
  appId: 'net.folio.app',
  productName: 'Folio',
  copyright: 'Copyright © 2026 Folio contributors',
  directories: {
    output: 'release',
    buildResources: 'build',
  },
  files: ['dist/**/*', '!dist/**/*.map', 'package.json', '!node_modules/**/*'],
  // Sample dumps stay plain files beside app.asar so the first-run import reads them as a folder.
  extraResources: [{ from: 'seeds', to: 'seeds', filter: ['**/*'] }],
  asar: true,
  icon: 'build/icon.png',
  // "Open with Folio" for saved pages (plain-text dumps are dragged in rather than associated,
  // since claiming .txt would put Folio in front of every text file). Rank Alternate keeps the
  // browser the default viewer on macOS only: rank is a macOS key. The NSIS installer's
  // association (app-builder-lib's APP_ASSOCIATE macro) also writes the default value of
  // HKCU\Software\Classes\.html, which uninstalling leaves behind, and the deb's MimeType entry
  // may let Folio become the text/html handler where none is set. Limiting Windows and Linux
  // to "Open with" needs an NSIS include and testing on those systems.
  fileAssociations: [
    {
      ext: ['html', 'htm'],
      name: 'Saved web page',
      description: 'Saved web page',
      role: 'Viewer',
      rank: 'Alternate',
      mimeType: 'text/html',
    },
  ],
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    icon: 'build/icons',
    synopsis: 'Archive manager for saved news articles',
    maintainer: 'Folio contributors <folio@example.invalid>',
  },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.productivity',
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
