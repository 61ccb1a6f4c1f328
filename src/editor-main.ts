import { createEditor } from './app/create-editor.ts';

// The editor's page entry (editor.html), built apart from the reader's pages: readers never load it.
const container = document.getElementById('editor');
if (container) createEditor(container);
