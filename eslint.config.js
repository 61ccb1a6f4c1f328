import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layers = ['model', 'story', 'map', 'ui', 'app', 'embed'];

/**
 * Imports point one way: model <- story <- (map | ui) <- app <- embed. `map` and `ui` never
 * import each other, and only `map` imports Leaflet.
 */
function layerRule(folder, forbiddenLayers, leafletAllowed = false) {
  const patterns = forbiddenLayers.map((layer) => ({
    group: [`../${layer}/*`, `../${layer}`, `../../${layer}/*`],
    message: `src/${folder} must not import src/${layer} (imports point one way: model <- story <- (map | ui) <- app <- embed).`,
  }));
  if (!leafletAllowed) {
    patterns.push({ group: ['leaflet', 'leaflet/*'], message: 'Only src/map imports Leaflet.' });
  }
  return {
    files: [`src/${folder}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  };
}

const above = (layer) => layers.slice(layers.indexOf(layer) + 1);

export default tseslint.config(
  // Peer tools' files, kept byte for byte as import fixtures (test/fixtures/import/SOURCES.md).
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'bench/.tmp/', 'test/fixtures/import/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-restricted-syntax': [
        'error',
        {
          selector: "AssignmentExpression[left.property.name='innerHTML']",
          message: 'Never assign innerHTML: text from a story is rendered as text (use element() or textContent).',
        },
        {
          selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
          message: 'Never insert HTML: text from a story is rendered as text.',
        },
      ],
    },
  },
  layerRule('model', above('model')),
  layerRule('story', above('story')),
  layerRule('map', ['ui', 'app', 'embed'], true),
  layerRule('ui', ['map', 'app', 'embed']),
  layerRule('app', ['embed']),
  layerRule('embed', []),
  {
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
