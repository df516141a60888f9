/**
 * The Embed dialogs (EmbedDialog.astro): a native <dialog> per view, opened by its button.
 * The page's script calls wireEmbedDialogs() (the gallery at once, the story once its panel
 * blocks have arrived).
 * Snippets are written here from `location.origin`, the origin the reader's browser actually
 * used, so the same build is right on a staging and a production host.
 */
import type { Lang } from '../views/format.ts';
import { ampSnippet, iframeSnippet, linkSnippet, SANDBOX, type SnippetInput } from '../embed/snippet.ts';
import { embedPath, resizeScriptPath } from '../site/urls.ts';

type Info = Record<Lang, { title: string; description: string; height: number; story: string; say: SnippetInput['say'] }>;
const FORMS = { iframe: iframeSnippet, amp: ampSnippet, link: linkSnippet } as const;

/** Wires (once) and shows every Embed button under `root` whose dialog is in the page. */
export function wireEmbedDialogs(root: ParentNode = document): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-embed-open]')) {
    const dialog = document.getElementById(button.dataset.embedOpen ?? '');
    if (dialog instanceof HTMLDialogElement && !button.dataset.embedReady) {
      button.dataset.embedReady = '1';
      wire(button, dialog);
      button.hidden = false;
    }
  }
}

function wire(button: HTMLButtonElement, dialog: HTMLDialogElement) {
  const info = JSON.parse(dialog.dataset.info ?? '{}') as Info;
  const key = dialog.dataset.key ?? '';
  const status = dialog.querySelector<HTMLElement>('[data-status]')!;
  const preview = dialog.querySelector<HTMLElement>('[data-preview]')!;
  let lang: Lang = dialog.dataset.lang === 'en' ? 'en' : 'zh';

  const input = (): SnippetInput => ({
    origin: location.origin,
    lang,
    key,
    title: info[lang].title,
    description: info[lang].description,
    height: info[lang].height,
    storyUrl: new URL(info[lang].story, location.origin).href,
    say: info[lang].say,
  });

  const render = () => {
    const i = input();
    for (const area of dialog.querySelectorAll<HTMLTextAreaElement>('textarea[data-form]')) area.value = FORMS[area.dataset.form as keyof typeof FORMS](i);
    dialog.querySelector('.embed-dialog-view')!.textContent = i.title;
    status.textContent = '';
    showPreview(preview, i);
  };

  button.addEventListener('click', () => {
    // On <body>, the dialog no longer depends on the panel it was written in (hidden when the step moves on).
    if (dialog.parentElement !== document.body) document.body.append(dialog);
    render();
    dialog.showModal();
  });
  dialog.addEventListener('close', () => {
    preview.replaceChildren(); // stop the preview's map
    button.focus();
  });
  dialog.querySelector('[data-close]')?.addEventListener('click', () => dialog.close());
  // A click on the backdrop (the dialog box itself has no padding of its own) closes it.
  dialog.addEventListener('click', (e) => {
    if (e.target === dialog) dialog.close();
  });
  for (const radio of dialog.querySelectorAll<HTMLInputElement>('input[type=radio]'))
    radio.addEventListener('change', () => {
      if (radio.checked) {
        lang = radio.value === 'en' ? 'en' : 'zh';
        render();
      }
    });
  for (const copyButton of dialog.querySelectorAll<HTMLButtonElement>('button[data-copy]'))
    copyButton.addEventListener('click', () => {
      const area = dialog.querySelector<HTMLTextAreaElement>(`textarea[data-form="${copyButton.dataset.copy}"]`);
      if (area) void copy(area, status);
    });
}

async function copy(area: HTMLTextAreaElement, status: HTMLElement) {
  try {
    await navigator.clipboard.writeText(area.value);
    status.textContent = status.dataset.copied ?? '';
  } catch {
    // No async clipboard (http, old browser, permission refused): select the text for Ctrl+C.
    area.focus();
    area.select();
    let copied: boolean;
    try {
      copied = document.execCommand('copy');
    } catch {
      copied = false;
    }
    status.textContent = (copied ? status.dataset.copied : status.dataset.manual) ?? '';
  }
}

/** The embed exactly as a host page gets it, sized by the same resize.js. */
function showPreview(box: HTMLElement, i: SnippetInput) {
  const frame = document.createElement('iframe');
  frame.src = new URL(embedPath(i.lang, i.key), i.origin).href;
  frame.title = i.title;
  frame.setAttribute('sandbox', SANDBOX);
  frame.style.cssText = `display:block;width:100%;height:${i.height}px;border:0`;
  box.replaceChildren(frame);
  if (!document.querySelector(`script[src="${resizeScriptPath}"]`)) {
    const script = document.createElement('script');
    script.src = resizeScriptPath;
    script.async = true;
    document.head.append(script);
  }
}
