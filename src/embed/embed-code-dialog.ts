import styles from './embed-code-dialog.css?inline';
import { element } from '../ui/element.ts';
import { embedSnippet } from './embed-snippet.ts';

/** What the embed code points at: the embed page and host script next to the full page. */
export interface EmbedCodeOptions {
  /** The story file given to the full page (`?story=`), if any. */
  readonly story: string | null;
  /** The current step's slug, or null at the overview. */
  readonly step: string | null;
  /** The story's headline, for the iframe's title. */
  readonly title: string;
}

/** The HTML a newsroom pastes into its article: an iframe, and the host script for auto-height. */
export function embedCode(base: string, options: EmbedCodeOptions): string {
  const src = new URL('embed.html', base);
  if (options.story) src.searchParams.set('story', new URL(options.story, base).href);
  if (options.step) src.hash = options.step;
  return embedSnippet({ src: src.href, script: new URL('embed.js', base).href, title: options.title, height: null });
}

/**
 * Opens a dialog showing the embed code for the current story and step, with a Copy button.
 * Loaded on demand, the first time a reader asks for it. Returns once the dialog is shown.
 */
export function openEmbedDialog(base: string, options: EmbedCodeOptions, returnFocus: HTMLElement): void {
  const code = embedCode(base, options);
  const textarea = element('textarea', { class: 'embed-code', readonly: '', rows: '5', 'aria-label': 'Embed code' });
  textarea.value = code;
  const copy = element('button', { type: 'button', class: 'embed-copy' }, 'Copy');
  const close = element('button', { type: 'button', class: 'embed-close' }, 'Close');
  const status = element('p', { class: 'embed-status', role: 'status' });
  const dialog = element(
    'dialog',
    { class: 'embed-dialog', 'aria-labelledby': 'embed-dialog-title' },
    element('h2', { id: 'embed-dialog-title' }, 'Embed this story map'),
    element('p', {}, 'Paste this HTML into your article. The script sizes the map to its content; without it, the frame keeps a 4:5 shape.'),
    textarea,
    element('div', { class: 'embed-actions' }, copy, close),
    status,
  );
  // The dialog's styles travel with its code, so the page's first stylesheet does not carry them.
  const style = element('style', {}, styles);
  document.body.append(style, dialog);
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(code);
      status.textContent = 'Copied to the clipboard.';
    } catch {
      // No clipboard permission (or an older browser): select the code for the reader to copy.
      textarea.focus();
      textarea.select();
      status.textContent = 'Press Ctrl+C (⌘C on a Mac) to copy the selected code.';
    }
  });
  const finish = (): void => {
    dialog.close();
    dialog.remove();
    style.remove();
    returnFocus.focus();
  };
  close.addEventListener('click', finish);
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    finish();
  });
  dialog.showModal();
  textarea.focus();
  textarea.select();
}
