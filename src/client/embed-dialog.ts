/**
 * The Embed dialogs (EmbedDialog.astro): a native <dialog> per view, opened by its button.
 * The page's script calls wireEmbedDialogs() (the gallery at once, the story once its panel
 * blocks have arrived).
 * Snippets are written here from `location.origin`, the origin the reader's browser actually
 * used, so the same build is right on a staging and a production host.
 */
import type { Lang } from '../i18n/lang.ts';
import { DEFAULT_PARAMS, type EmbedParams } from '../embed/params.ts';
import { ampSnippet, embedUrl, iframeSnippet, imageSnippet, SANDBOX, type SnippetInput } from '../embed/snippet.ts';
import { qrPath, resizeScriptPath, wechatImagePath } from '../site/urls.ts';
import { copyText } from './copy-text.ts';

interface LangInfo {
  title: string;
  description: string;
  source: string;
  height: number;
  story: string;
  chapter: string | null;
  images: Array<{ key: string; label: string }>;
  say: SnippetInput['say'];
}
type Info = Record<string, Record<Lang, LangInfo>>;
const FORMS = { iframe: iframeSnippet, image: imageSnippet, amp: ampSnippet } as const;

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
  wireChapterShares();
}

/** The chapters' share controls (ChapterShare.astro): their copy buttons, shown once wired. */
function wireChapterShares() {
  for (const share of document.querySelectorAll<HTMLElement>('[data-chapter-share]')) {
    const button = share.querySelector<HTMLButtonElement>('[data-share-copy]');
    const field = share.querySelector<HTMLInputElement>('[data-share-url]');
    const status = share.querySelector<HTMLElement>('[data-share-status]');
    if (!button || !field || !status || button.dataset.ready) continue;
    button.dataset.ready = '1';
    // The link as this browser reached the page (staging, production), like the embed snippets.
    field.value = new URL(`${location.pathname}#${share.closest('section[id]')?.id ?? ''}`, location.origin).href;
    button.addEventListener(
      'click',
      () => void copyText(field, status, { copied: status.dataset.copied ?? '', manual: status.dataset.manual ?? '' }),
    );
    button.hidden = false;
  }
}

function wire(button: HTMLButtonElement, dialog: HTMLDialogElement) {
  const info = JSON.parse(dialog.dataset.info ?? '{}') as Info;
  const preview = dialog.querySelector<HTMLElement>('[data-preview]')!;
  const texts = dialog.querySelector<HTMLElement>('[data-status-texts]')!.dataset;
  const $ = <T extends Element>(sel: string) => dialog.querySelector<T>(sel);
  const checked = (option: string) => $<HTMLInputElement>(`input[data-option="${option}"]:checked`)?.value;
  const ticked = (option: string) => $<HTMLInputElement>(`input[data-option="${option}"]`)?.checked ?? true;

  const input = (): SnippetInput & { info: LangInfo } => {
    const lang: Lang = checked('lang') === 'en' ? 'en' : 'zh';
    const key = checked('variant') ?? dialog.dataset.key ?? '';
    const i = info[key]![lang];
    const params: EmbedParams = {
      ...DEFAULT_PARAMS,
      title: ticked('title'),
      source: ticked('source'),
      interactive: ticked('interactive'),
      theme: checked('theme') === 'dark' ? 'dark' : 'light',
    };
    const width = Number($<HTMLSelectElement>('select[data-option="width"]')?.value) || null;
    return {
      origin: location.origin,
      lang,
      key,
      title: i.title,
      description: i.description,
      source: i.source,
      height: i.height,
      storyUrl: new URL(i.story, location.origin).href,
      imageKey: i.images[0]!.key,
      params,
      width,
      say: i.say,
      info: i,
    };
  };

  let previewSrc = '';
  const render = () => {
    const i = input();
    for (const area of dialog.querySelectorAll<HTMLTextAreaElement>('textarea[data-form]')) {
      const form = area.dataset.form as keyof typeof FORMS;
      if (FORMS[form]) area.value = FORMS[form](i);
    }
    renderWechat(dialog, i, i.info);
    $('.embed-dialog-view')!.textContent = i.title;
    for (const s of dialog.querySelectorAll<HTMLElement>('[data-status]')) s.textContent = '';
    const src = embedUrl(i);
    if (src !== previewSrc) {
      previewSrc = src;
      showPreview(preview, src, i);
    }
  };

  button.addEventListener('click', () => {
    // On <body>, the dialog no longer depends on the panel it was written in (hidden when the step moves on).
    if (dialog.parentElement !== document.body) document.body.append(dialog);
    previewSrc = '';
    render();
    dialog.showModal();
  });
  dialog.addEventListener('close', () => {
    preview.replaceChildren(); // stop the preview's map
    button.focus();
  });
  $('[data-close]')?.addEventListener('click', () => dialog.close());
  // A click on the backdrop (the dialog box itself has no padding of its own) closes it.
  dialog.addEventListener('click', (e) => {
    if (e.target === dialog) dialog.close();
  });
  for (const control of dialog.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-option]'))
    control.addEventListener('change', render);
  wireTabs(dialog);
  for (const copyButton of dialog.querySelectorAll<HTMLButtonElement>('button[data-copy]'))
    copyButton.addEventListener('click', () => {
      const form = copyButton.dataset.copy;
      const field = $<HTMLTextAreaElement | HTMLInputElement>(`[data-form="${form}"]`);
      const status = $<HTMLElement>(`[data-status="${form}"]`);
      if (field && status) void copyText(field, status, { copied: texts.copied ?? '', manual: texts.manual ?? '' });
    });
}

/** The WeChat tab: the 1080 px pictures, caption + source text, the 阅读原文 URL, the QR code. */
function renderWechat(dialog: HTMLDialogElement, i: SnippetInput, info: LangInfo) {
  const caption = dialog.querySelector<HTMLTextAreaElement>('[data-form="wechat-caption"]');
  if (!caption) return;
  const abs = (path: string) => new URL(path, i.origin).href;
  // The source line says what it is (数据： / Data:).
  caption.value = `${info.title}\n${info.description}\n${info.source}`;
  dialog.querySelector<HTMLInputElement>('[data-form="wechat-url"]')!.value = i.storyUrl;
  const img = dialog.querySelector<HTMLImageElement>('[data-wechat-image]')!;
  img.src = abs(wechatImagePath(i.lang, info.images[0]!.key));
  img.alt = info.description;
  const downloads = dialog.querySelector<HTMLElement>('[data-wechat-downloads]')!;
  const label = downloads.dataset.label ?? downloads.textContent ?? '';
  downloads.dataset.label = label;
  downloads.replaceChildren(
    ...info.images.flatMap((image, n) => {
      const a = document.createElement('a');
      a.href = abs(wechatImagePath(i.lang, image.key));
      a.download = `${image.key}-${i.lang}-1080.png`;
      a.textContent = info.images.length > 1 ? `${label} · ${image.label}` : label;
      return n ? [document.createElement('br'), a] : [a];
    }),
  );
  const qr = dialog.querySelector<HTMLImageElement>('[data-qr]')!;
  qr.src = abs(qrPath(i.lang, info.chapter, 'svg'));
  qr.alt = i.storyUrl;
  dialog.querySelector<HTMLAnchorElement>('[data-qr-png]')!.href = abs(qrPath(i.lang, info.chapter, 'png'));
  dialog.querySelector<HTMLAnchorElement>('[data-qr-svg]')!.href = abs(qrPath(i.lang, info.chapter, 'svg'));
}

/** WAI-ARIA tabs: one form shown at a time (the dialog stays short); arrows move between tabs. */
function wireTabs(dialog: HTMLDialogElement) {
  const tabs = [...dialog.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
  const select = (tab: HTMLButtonElement) => {
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      dialog.querySelector<HTMLElement>(`#${t.getAttribute('aria-controls')}`)!.hidden = !on;
    }
  };
  for (const tab of tabs) {
    tab.addEventListener('click', () => select(tab));
    tab.addEventListener('keydown', (e) => {
      const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
      if (!step) return;
      const next = tabs[(tabs.indexOf(tab) + step + tabs.length) % tabs.length]!;
      select(next);
      next.focus();
      e.preventDefault();
    });
  }
}

/** The embed exactly as a host page gets it, sized by the same resize.js. */
function showPreview(box: HTMLElement, src: string, i: SnippetInput) {
  const frame = document.createElement('iframe');
  frame.src = src;
  frame.title = i.title;
  frame.setAttribute('sandbox', SANDBOX);
  frame.style.cssText = `display:block;width:${i.width ? `${i.width}px` : '100%'};max-width:100%;height:${i.height}px;border:0`;
  box.replaceChildren(frame);
  if (!document.querySelector(`script[src="${resizeScriptPath}"]`)) {
    const script = document.createElement('script');
    script.src = resizeScriptPath;
    script.async = true;
    document.head.append(script);
  }
}
