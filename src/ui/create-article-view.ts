import { findMentions, mentionTerms } from '../model/find-mentions.ts';
import type { Paragraph, Story } from '../model/types.ts';
import type { StoryState } from '../story/story-state.ts';
import { element } from './element.ts';

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
  const paragraphs = new Map<string, HTMLElement>();
  const body = story.paragraphs.map((paragraph) => {
    const p = renderParagraph(paragraph, terms, story);
    paragraphs.set(paragraph.id, p);
    return p;
  });
  const article = element(
    'article',
    { class: 'sm-article', 'aria-labelledby': headingId, lang: story.meta.language },
    element('h2', { id: headingId, class: 'sm-article__heading' }, 'The article'),
    ...body,
    story.meta.credit ? element('p', { class: 'sm-credit' }, story.meta.credit) : null,
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

  const highlight = (): void => {
    const current = new Set(state.step.place?.passages.map((p) => p.id) ?? []);
    let first: HTMLElement | null = null;
    for (const [id, p] of paragraphs) {
      const on = current.has(id);
      p.classList.toggle('is-current', on);
      if (on && !first) first = p;
    }
    // Scroll the article's own box only (never the page, which may be someone else's article).
    const scroller = container;
    if (first && scroller.scrollHeight > scroller.clientHeight + 1 && getComputedStyle(scroller).overflowY !== 'visible') {
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

function renderParagraph(paragraph: Paragraph, terms: ReturnType<typeof mentionTerms>, story: Story): HTMLElement {
  const p = element('p', { 'data-paragraph': paragraph.id, dir: 'auto' });
  const { text } = paragraph;
  let at = 0;
  for (const mention of findMentions(text, terms)) {
    if (mention.start > at) p.append(text.slice(at, mention.start));
    const place = story.places.find((candidate) => candidate.id === mention.placeId);
    p.append(
      element(
        'a',
        { class: 'sm-mention', href: `#${mention.placeId}`, 'data-place': mention.placeId, title: place ? `Show ${place.name} on the map` : null },
        text.slice(mention.start, mention.end),
      ),
    );
    at = mention.end;
  }
  if (at < text.length) p.append(text.slice(at));
  return p;
}
