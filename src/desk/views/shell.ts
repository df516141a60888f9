/**
 * The document every desk page is: skip link, the live regions that stay put while the main
 * content is swapped after a save (so a screen reader hears each result once), the stylesheet and
 * the one script (src/desk/assets/). No inline script or style: the desk's CSP allows only 'self'.
 */
import { escapeMarkup as h } from '../../render/escape.ts';
import { strings } from '../../i18n/strings.ts';
import type { Lang } from '../../i18n/lang.ts';

export interface Flash {
  kind: 'saved' | 'refused' | 'undone';
  text: string;
}

export function shell(lang: Lang, title: string, main: string, flash: Flash | null): string {
  const s = strings(lang);
  const said = flash ? s.desk[flash.kind].replace('{message}', flash.text) : '';
  return `<!doctype html>
<html lang="${s.ui.htmlLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(title)}</title>
<link rel="stylesheet" href="/assets/sr-only.css">
<link rel="stylesheet" href="/assets/desk.css">
<script type="module" src="/assets/desk.js"></script>
</head>
<body>
<a class="skip" href="#main">${h(s.desk.skip)}</a>
<div id="announce" class="flash" role="status" aria-live="polite">${flash && flash.kind !== 'refused' ? h(said) : ''}</div>
<div id="problem" class="flash problem" role="alert">${flash?.kind === 'refused' ? h(said) : ''}</div>
<main id="main" tabindex="-1">
${main}
</main>
</body>
</html>
`;
}
