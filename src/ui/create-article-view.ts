import { findMentions, mentionTerms, type MentionIndex } from '../model/find-mentions.ts';
import type { Paragraph } from '../model/types.ts';
import type { StoryState } from '../story/story-state.ts';
import { element } from './element.ts';
import { showInChunks } from './show-in-chunks.ts';
import { splitLongText, textPart } from './text-parts.ts';

/** The whole article, with place names linked to the map and the current place's passages marked. */
export interface ArticleView {
  destroy(): void;
}

/** Options of the article view. */
export interface ArticleViewOptions {
  /** Scroll without animation. */
  readonly reducedMotion: boolean;
}

export function createArticleView(container: HTMLElement, state: StoryState, idPrefix: string, options: ArticleViewOptions): ArticleView {
  const { story } = state;
  const headingId = `${idPrefix}-article-heading`;
  const terms = mentionTerms(story.places);
  const names = new Map(story.places.map((place) => [place.id, place.name]));
  const paragraphs = new Map<string, HTMLElement>();
  const credit = story.meta.credit ? element('p', { class: 'sm-credit' }, story.meta.credit) : null;
  // A news article has tens of paragraphs; a generated or archive story may have thousands,
  // which are rendered in chunks as the reader reaches them.
  const text = element('div', { class: 'sm-article__text' });
  const render = (paragraph: Paragraph): HTMLElement => {
    const p = renderParagraph(paragraph, terms, names);
    paragraphs.set(paragraph.id, p);
    return p;
  };
  const article = element(
    'article',
    { class: 'sm-article', 'aria-labelledby': headingId, lang: story.meta.language },
    element('h2', { id: headingId, class: 'sm-article__heading' }, 'The article'),
    text,
    showInChunks(text, story.paragraphs, render, 'paragraphs', story.meta.language),
    credit,
  );
  container.append(article);

  // A mention selects its place; the link's own navigation would add a history entry
  // (and, in an embed, change the host page's address), so it is handled here instead.
  const onClick = (event: MouseEvent): void => {
    const link = (event.target as Element | null)?.closest?.('a.sm-mention');
    if (!link || !article.contains(link)) return;
    event.preventDefault();
    state.selectPlace(link.getAttribute('data-place'));
  };
  article.addEventListener('click', onClick);

  // Only the paragraphs that change are touched: a story may have thousands.
  let marked: HTMLElement[] = [];
  const highlight = (): void => {
    for (const p of marked) p.classList.remove('is-current');
    // Paragraphs not rendered yet (far down a very long story) are left for "Show more":
    // the place's own panel already shows its passages.
    marked = (state.step.place?.passages ?? []).flatMap((passage) => paragraphs.get(passage.id) ?? []);
    for (const p of marked) p.classList.add('is-current');
    const first = marked[0];
    // Scroll the article's own box only (never the page, which may be someone else's article).
    const scroller = container;
    if (first && getComputedStyle(scroller).overflowY !== 'visible' && scroller.scrollHeight > scroller.clientHeight + 1) {
      const top = first.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop - 12;
      scroller.scrollTo({ top, behavior: options.reducedMotion ? 'auto' : 'smooth' });
    }
  };
  highlight();
  const unsubscribe = state.on('stepchange', highlight);

  return {
    destroy() {
      unsubscribe();
      article.removeEventListener('click', onClick);
      article.remove();
    },
  };
}

/**
 * Mentions linked in one paragraph: a news paragraph names a handful of places; a paragraph that
 * names them thousands of times (a generated or hostile file) gets links for the first ones and
 * plain text after, instead of hundreds of thousands of links.
 */
const MAX_LINKS_PER_PARAGRAPH = 100;

function renderParagraph(paragraph: Paragraph, terms: MentionIndex, names: ReadonlyMap<string, string>): HTMLElement {
  const p = element('p', { 'data-paragraph': paragraph.id });
  const parts = splitLongText(paragraph.text);
  let linksLeft = MAX_LINKS_PER_PARAGRAPH;
  for (const text of parts) {
    const box = parts.length === 1 ? p : textPart();
    let at = 0;
    const mentions = linksLeft > 0 ? findMentions(text, terms, linksLeft) : [];
    linksLeft -= mentions.length;
    for (const mention of mentions) {
      if (mention.start > at) box.append(text.slice(at, mention.start));
      const name = names.get(mention.placeId);
      box.append(
        element(
          'a',
          { class: 'sm-mention', href: `#${mention.placeId}`, 'data-place': mention.placeId, title: name ? `Show ${name} on the map` : null },
          text.slice(mention.start, mention.end),
        ),
      );
      at = mention.end;
    }
    if (at < text.length) box.append(text.slice(at));
    if (box !== p) p.append(box);
  }
  // Set once the paragraph is complete: with dir="auto" already set, Chromium works out the
  // direction again on every child added, which is quadratic in the number of links.
  p.setAttribute('dir', 'auto');
  return p;
}
