import { element } from '../element.ts';

/** The editor page's named parts, which its features fill and wire. */
export type EditorLayout = ReturnType<typeof layOutEditor>;

/**
 * The editor's page: actions and status above; the form (article, details, places, passages)
 * beside the map, the problems and the preview. Every part has an id that problems and tests name.
 */
export function layOutEditor(container: HTMLElement) {
  const status = element('p', { class: 'ed-status', role: 'status', id: 'ed-status' });
  const undo = element('button', { type: 'button', class: 'ed-undo', hidden: '' }, 'Bring back the previous draft');
  const fileInput = element('input', { type: 'file', multiple: '', accept: '.geojson,.json,.csv,.js,application/geo+json,application/json,text/csv', class: 'ed-visually-hidden', tabindex: '-1', 'aria-hidden': 'true' });
  const openButton = element('button', { type: 'button', id: 'ed-open' }, 'Open a file…');
  const downloadButton = element('button', { type: 'button', id: 'ed-download', class: 'ed-primary' }, 'Download the story');
  const clearButton = element('button', { type: 'button', id: 'ed-clear' }, 'Start over');
  const confirmClear = element(
    'div',
    { class: 'ed-confirm', hidden: '', role: 'group', 'aria-labelledby': 'ed-confirm-text' },
    element('p', { id: 'ed-confirm-text' }, 'Clear this draft: its article, details and places? This cannot be undone.'),
  );
  const clearYes = element('button', { type: 'button', id: 'ed-clear-yes' }, 'Clear the draft');
  const clearNo = element('button', { type: 'button', id: 'ed-clear-no' }, 'Keep it');
  confirmClear.append(clearYes, clearNo);

  const article = element('textarea', { id: 'ed-article', rows: '10', 'aria-describedby': 'ed-article-hint', spellcheck: 'true' });
  const newPlace = element('input', { id: 'ed-new-place', type: 'text', autocomplete: 'off', 'aria-describedby': 'ed-new-place-hint' });
  const addButton = element('button', { type: 'button', id: 'ed-add-place' }, 'Add place');
  const detailsBox = element('div');
  const suggestionsBox = element('div', { class: 'ed-suggestions-box' });
  const placesBox = element('div');
  const paragraphsBox = element('div');
  const mapBox = element('div', { class: 'ed-map sm-palette', role: 'region', 'aria-label': 'Map for placing the chosen place. Click to put it there; with the keyboard, pan with the arrow keys and press Enter to put it at the centre.', tabindex: '0' });
  const problemsBox = element('div', { class: 'ed-problems' });
  const previewNote = element('p', { class: 'ed-hint', id: 'ed-preview-note' }, 'The preview appears once the story has no problems.');
  const previewBox = element('div', { class: 'ed-preview' });

  const section = (id: string, title: string, ...children: Array<Node | null>): HTMLElement =>
    element('section', { class: 'ed-section', 'aria-labelledby': id }, element('h2', { id }, title), ...children);
  container.replaceChildren(
    element(
      'header',
      { class: 'ed-header' },
      element('h1', {}, 'Story editor'),
      element('div', { class: 'ed-actions' }, openButton, fileInput, downloadButton, clearButton),
      confirmClear,
      element('div', { class: 'ed-status-line' }, status, undo),
    ),
    element(
      'main',
      { class: 'ed-main' },
      element(
        'div',
        { class: 'ed-form' },
        section(
          'ed-h-article',
          '1. The article',
          element('label', { for: 'ed-article' }, 'Article text'),
          element('p', { class: 'ed-hint', id: 'ed-article-hint' }, 'Paste the article. Blank lines separate paragraphs; each paragraph is kept as written, as plain text.'),
          article,
        ),
        section('ed-h-details', '2. Details', detailsBox),
        section(
          'ed-h-places',
          '3. Places, in the order the story visits them',
          suggestionsBox,
          element(
            'div',
            { class: 'ed-add' },
            element('label', { for: 'ed-new-place' }, 'Add a place by name'),
            element('p', { class: 'ed-hint', id: 'ed-new-place-hint' }, 'Known towns and cities get a position to check; others, a click on the map.'),
            element('div', { class: 'ed-add__row' }, newPlace, addButton),
          ),
          placesBox,
        ),
        section('ed-h-paragraphs', '4. Passages of the chosen place', paragraphsBox),
      ),
      element(
        'div',
        { class: 'ed-side' },
        section('ed-h-map', 'Map', element('p', { class: 'ed-hint', id: 'ed-map-hint' }, 'Choose a place, then click where it is; drag a marker to move it.'), mapBox),
        section('ed-h-problems', 'Problems', problemsBox),
        section('ed-h-preview', 'Preview', previewNote, previewBox),
      ),
    ),
  );
  return {
    status,
    undo,
    fileInput,
    openButton,
    downloadButton,
    clearButton,
    confirmClear,
    clearYes,
    clearNo,
    article,
    newPlace,
    addButton,
    detailsBox,
    suggestionsBox,
    placesBox,
    paragraphsBox,
    mapBox,
    problemsBox,
    previewNote,
    previewBox,
  };
}
