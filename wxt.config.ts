import { defineConfig } from 'wxt';
import { matchPatterns, PARTNER_CENTER_HOSTS, WEBMAIL_HOSTS } from './lib/hosts';

const PARTNER_CENTER_MATCHES = matchPatterns(PARTNER_CENTER_HOSTS);
const WEBMAIL_MATCHES = matchPatterns(WEBMAIL_HOSTS);

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'notifications'],
    // public/popup.html, not an HTML entrypoint: the popup loads one script and one stylesheet
    // (entrypoints/popup-app.tsx), none of the chunks the other pages share.
    action: { default_title: 'Offer Courier', default_popup: 'popup.html' },
    host_permissions: [...PARTNER_CENTER_MATCHES, ...WEBMAIL_MATCHES],
    // Only the extension's own scripts run in its pages. Images may come from https or data: URLs
    // (the advisor's logo); inline styles appear in the rendered message preview. Only the webmail
    // hosts may frame an extension page (the offer picker).
    content_security_policy: {
      extension_pages: [
        "default-src 'self'",
        "script-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
        "img-src 'self' https: data:",
        "style-src 'self' 'unsafe-inline'",
        // Any port on those exact hosts, so the tests' local fixture servers count too.
        `frame-ancestors 'self' ${WEBMAIL_MATCHES.map((match) => match.replace('/*', ':*')).join(' ')}`,
      ].join('; '),
    },
    // The offer picker is framed in webmail pages; no other site may load it. In Chromium it is
    // reachable only at a URL that changes every session, so a page cannot probe the fixed
    // extension id for it. Firefox rejects use_dynamic_url and needs none: its extension URLs
    // already carry a random UUID per installation.
    web_accessible_resources: [{ resources: ['picker.html'], matches: WEBMAIL_MATCHES, ...(browser === 'firefox' ? {} : { use_dynamic_url: true }) }],
    commands: {
      'open-offer-picker': {
        suggested_key: { default: 'Alt+Shift+O' },
        description: '__MSG_webmail_command_open_picker__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'offer-courier@offer-courier.app',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  hooks: {
    // WXT turns an entrypoint named "history" into a replacement for the browser's own history
    // page; ours is an ordinary extension page opened from the popup.
    'build:manifestGenerated': (_wxt, manifest) => {
      delete manifest.chrome_url_overrides;
    },
    // Content scripts run in other sites' pages under a size budget: terser's three passes make them
    // about 5% smaller than esbuild does, and their inlined CSS is minified too (the default build left it as written).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((entrypoint) => entrypoint.type === 'content-script')) return;
      config.build = { ...config.build, minify: 'terser', cssMinify: 'esbuild', terserOptions: { compress: { passes: 3 } } };
    },
  },
  vite: () => ({
    // Small shared modules go into the chunks that load with them: the history page loads 6 files instead of 13.
    build: { target: 'es2022', rollupOptions: { output: { experimentalMinChunkSize: 20_000 } } },
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  }),
});
