import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiReference, staleFiles } from './api-reference.mjs';

test('docs/api/ is what custom-elements.json gives (run `npm run docs:api` after `npm run analyze`)', () => {
  assert.deepEqual(staleFiles(), []);
});

test('a page holds every public part of an element, and nothing private', () => {
  const manifest = {
    modules: [
      {
        path: 'src/components/thing/thing.component.ts',
        declarations: [
          {
            kind: 'class',
            customElement: true,
            tagName: 'osa-thing',
            name: 'OsaThing',
            summary: 'A thing.',
            members: [
              { kind: 'field', name: 'view', type: { text: "'a' | 'b'" }, default: "'a'", attribute: 'view', reflects: true, description: 'Which view.' },
              { kind: 'field', name: 'adapter', type: { text: 'OsaAdapter | undefined' }, description: 'An adapter.' },
              { kind: 'field', name: 'secret', privacy: 'private' },
              { kind: 'method', name: 'reset', parameters: [{ name: 'to', optional: true, type: { text: 'number' } }], return: { type: { text: 'void' } }, description: 'Starts again.' },
              { kind: 'method', name: 'hidden', privacy: 'protected' },
            ],
            attributes: [{ name: 'view', fieldName: 'view', type: { text: "'a' | 'b'" }, default: "'a'", description: 'Which view.' }],
            events: [{ name: 'osa-thing-done', description: 'Done. `detail: { count }`' }],
            slots: [{ name: '', description: 'The content.' }],
            cssParts: [{ name: 'box', description: 'The box.' }],
            cssProperties: [{ name: '--osa-thing-gap', default: '8px', description: 'The gap.' }],
            cssStates: [{ name: 'busy', description: 'While loading.' }],
          },
        ],
      },
      { path: 'src/base/base.ts', declarations: [{ kind: 'class', customElement: true, name: 'Base' }] },
    ],
  };
  const files = apiReference(manifest);
  assert.deepEqual([...files.keys()], ['osa-thing.md', 'README.md']);
  const page = files.get('osa-thing.md');
  assert.match(page, /`import 'osallistu\/thing.js';` defines the element/);
  assert.match(page, /\| `view` \| `view` \| `'a' \\\| 'b'` \| `'a'` \| Which view\. Reflected\. \|/);
  assert.match(page, /## Properties\n\n\| Property \| Type \| Default \| Description \|\n\|---\|---\|---\|---\|\n\| `adapter` \|/);
  assert.match(page, /\| `reset\(to\?: number\): void` \| Starts again\. \|/);
  assert.match(page, /\| `osa-thing-done` \| `\{ count \}` \| Done\. \|/);
  assert.match(page, /\| \(default\) \| The content\. \|/);
  assert.match(page, /\| `box` \| The box\. \|/);
  assert.match(page, /\| `--osa-thing-gap` \| `8px` \| The gap\. \|/);
  assert.match(page, /\| `:state\(busy\)` \| While loading\. \|/);
  assert.doesNotMatch(page, /secret|hidden/);
  assert.match(files.get('README.md'), /\| \[`<osa-thing>`\]\(osa-thing\.md\) \| A thing\. \|/);
});
