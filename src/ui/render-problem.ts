import { element } from './element.ts';
import './ui.css';

/** What went wrong, for the reader: a headline, a sentence, a list, and folded technical detail. */
export interface ProblemReport {
  readonly title: string;
  readonly summary: string;
  readonly items?: readonly string[];
  readonly detail?: string;
  /** The page's main heading (a page of its own), rather than a section's (an embed). Defaults to false. */
  readonly pageHeading?: boolean;
  /** A way on from the problem, such as back to the story the site ships with. */
  readonly link?: { readonly href: string; readonly text: string };
}

/**
 * Replaces the contents of `container` with a readable error panel, and logs the same
 * report to the console for developers. Never a blank page, never raw HTML from the data.
 */
export function renderProblem(container: HTMLElement, report: ProblemReport): void {
  const items = report.items ?? [];
  console.error(`${report.title}: ${report.summary}${items.length ? `\n- ${items.join('\n- ')}` : ''}`);
  if (report.detail) console.error(report.detail);
  container.replaceChildren(
    element(
      'section',
      { class: 'sm-problem', role: 'alert' },
      element(report.pageHeading ? 'h1' : 'h2', {}, report.title),
      element('p', {}, report.summary),
      items.length > 0 ? element('ul', {}, ...items.map((item) => element('li', {}, element('code', {}, item)))) : null,
      report.detail
        ? element('details', {}, element('summary', {}, 'Technical details'), element('pre', {}, report.detail))
        : null,
      report.link ? element('p', {}, element('a', { href: report.link.href }, report.link.text)) : null,
    ),
  );
}
