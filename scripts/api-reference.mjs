#!/usr/bin/env node
/**
 * `npm run docs:api`: the API reference in docs/api/ (one page per element and an index),
 * generated from custom-elements.json. `npm run analyze` runs it after writing the manifest from
 * the elements' JSDoc, so the two stay in step.
 * `node scripts/api-reference.mjs --check` writes nothing and fails when docs/api/ is stale
 * (scripts/api-reference.test.mjs runs the same check in `npm test`).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const API_DIR = 'docs/api';

/** Text for one table cell: on one line, with the pipes that would end the cell escaped. */
const cell = (text) => (text ?? '').replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim();
const code = (text) => (text ? `\`${text.replace(/\s*\n\s*/g, ' ')}\`` : '');
const codeCell = (text) => cell(code(text));
/** Markdown as the JSDoc wrote it, for a paragraph. */
const paragraph = (text) => (text ?? '').trim();
const publicMember = (member) => !member.privacy && !member.static && !member.name.startsWith('_') && !member.name.startsWith('#');
const inherited = (member) => (member.inheritedFrom ? ` (from \`${member.inheritedFrom.name}\`)` : '');

function table(headings, rows) {
  if (rows.length === 0) return [];
  return [`| ${headings.join(' | ')} |`, `|${headings.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`), ''];
}

function section(title, lines, empty) {
  if (lines.length > 0) return [`## ${title}`, '', ...lines];
  return empty ? [`## ${title}`, '', empty, ''] : [];
}

/** An event's detail: its declared type, else the `detail: …` its description names. */
function eventDetail(event) {
  const named = /`detail: ([^`]+)`/.exec(event.description ?? '');
  const description = (event.description ?? '').replace(/\s*`detail: [^`]+`\s*/, ' ').trim();
  const detail = named ? named[1] : event.type?.text && event.type.text !== 'Event' ? event.type.text : '';
  return { detail, description };
}

function signature(method) {
  const parameters = (method.parameters ?? []).map((parameter) => `${parameter.rest ? '...' : ''}${parameter.name}${parameter.optional || parameter.default ? '?' : ''}: ${parameter.type?.text ?? 'unknown'}`);
  return `${method.name}(${parameters.join(', ')}): ${method.return?.type?.text ?? 'void'}`;
}

/** The package entry that defines the element: `src/components/<name>/…` is `osallistu/<name>.js`. */
function entryOf(modulePath) {
  const folder = /^src\/components\/([^/]+)\//.exec(modulePath)?.[1];
  return folder ? `osallistu/${folder}.js` : undefined;
}

function elementPage(declaration, modulePath) {
  const tag = declaration.tagName;
  const members = (declaration.members ?? []).filter(publicMember);
  const attributes = (declaration.attributes ?? []).filter((attribute) => !attribute.name.startsWith('_'));
  const byField = new Map(members.map((member) => [member.name, member]));
  const withAttribute = new Set(attributes.map((attribute) => attribute.fieldName).filter(Boolean));
  const properties = members.filter((member) => member.kind === 'field' && !withAttribute.has(member.name));
  const methods = members.filter((member) => member.kind === 'method');
  const entry = entryOf(modulePath);

  const lines = [
    `# \`<${tag}>\``,
    '',
    `<!-- Generated from custom-elements.json by scripts/api-reference.mjs (npm run docs:api): edit the JSDoc in ${modulePath}, not this file. -->`,
    '',
  ];
  if (declaration.summary) lines.push(paragraph(declaration.summary), '');
  if (declaration.description) lines.push(paragraph(declaration.description), '');
  lines.push(`Class \`${declaration.name}\` in \`${modulePath}\`${entry ? `; \`import '${entry}';\` defines the element` : ''}.`, '');

  lines.push(
    ...section(
      'Attributes',
      table(
        ['Attribute', 'Property', 'Type', 'Default', 'Description'],
        attributes.map((attribute) => {
          const field = byField.get(attribute.fieldName);
          const reflects = field?.reflects ? ' Reflected.' : '';
          return [
            code(attribute.name),
            attribute.fieldName ? code(attribute.fieldName) : '',
            codeCell(attribute.type?.text ?? field?.type?.text),
            codeCell(attribute.default ?? field?.default),
            cell(`${attribute.description ?? field?.description ?? ''}${reflects}${inherited(attribute)}`),
          ];
        }),
      ),
      'None.',
    ),
  );
  lines.push(
    ...section(
      'Properties',
      table(
        ['Property', 'Type', 'Default', 'Description'],
        properties.map((property) => [
          code(property.name),
          codeCell(property.type?.text),
          codeCell(property.default),
          cell(`${property.readonly ? 'Read-only. ' : ''}${property.description ?? ''}${inherited(property)}`),
        ]),
      ),
      'Only those of the attributes.',
    ),
  );
  lines.push(
    ...section(
      'Methods',
      table(
        ['Method', 'Description'],
        methods.map((method) => [codeCell(signature(method)), cell(`${method.description ?? ''}${inherited(method)}`)]),
      ),
      'None.',
    ),
  );
  lines.push(
    ...section(
      'Events',
      table(
        ['Event', 'Detail', 'Description'],
        (declaration.events ?? []).map((event) => {
          const { detail, description } = eventDetail(event);
          return [code(event.name), codeCell(detail), cell(`${description}${inherited(event)}`)];
        }),
      ),
      'None.',
    ),
  );
  lines.push(
    ...section(
      'Slots',
      table(
        ['Slot', 'Description'],
        (declaration.slots ?? []).map((slot) => [slot.name ? code(slot.name) : '(default)', cell(slot.description)]),
      ),
      'None.',
    ),
  );
  lines.push(
    ...section(
      'CSS parts',
      table(
        ['Part', 'Description'],
        (declaration.cssParts ?? []).map((part) => [code(part.name), cell(`${part.description ?? ''}${inherited(part)}`)]),
      ),
      'None.',
    ),
  );
  lines.push(
    ...section(
      'CSS custom properties',
      table(
        ['Property', 'Default', 'Description'],
        (declaration.cssProperties ?? []).map((property) => [code(property.name), codeCell(property.default), cell(`${property.description ?? ''}${inherited(property)}`)]),
      ),
      'Only the global tokens (`--osa-color-…`, `--osa-space-…`, see the theming guide).',
    ),
  );
  lines.push(
    ...section(
      'CSS custom states',
      table(
        ['State', 'Description'],
        (declaration.cssStates ?? []).map((state) => [code(`:state(${state.name})`), cell(`${state.description ?? ''}${inherited(state)}`)]),
      ),
    ),
  );
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

/** The reference's files (name → content) for a manifest. */
export function apiReference(manifest) {
  const elements = manifest.modules
    .flatMap((module) => (module.declarations ?? []).map((declaration) => ({ declaration, path: module.path })))
    .filter(({ declaration }) => declaration.customElement && declaration.tagName)
    .sort((a, b) => a.declaration.tagName.localeCompare(b.declaration.tagName));
  const files = new Map();
  for (const { declaration, path } of elements) files.set(`${declaration.tagName}.md`, elementPage(declaration, path));
  const index = [
    '# API reference',
    '',
    '<!-- Generated from custom-elements.json by scripts/api-reference.mjs (npm run docs:api). -->',
    '',
    'Every element of osallistu: its attributes and properties, methods, events, slots, CSS parts,',
    'CSS custom properties and custom states. Generated from `custom-elements.json` (the',
    '[Custom Elements Manifest](https://github.com/webcomponents/custom-elements-manifest) that',
    '`npm run analyze` makes from the JSDoc); Storybook shows the same in each element\'s Docs page.',
    '',
    ...table(
      ['Element', 'Summary'],
      elements.map(({ declaration }) => [`[\`<${declaration.tagName}>\`](${declaration.tagName}.md)`, cell(declaration.summary ?? declaration.description?.split('\n\n')[0])]),
    ),
    'The data adapters, the core rules and the conformance suite are described in [../adapters.md](../adapters.md).',
    '',
  ];
  files.set('README.md', index.join('\n'));
  return files;
}

/** Files of docs/api/ that differ from what the manifest gives, are missing, or should not be there. */
export function staleFiles(root = '.') {
  const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
  const expected = apiReference(manifest);
  const dir = join(root, API_DIR);
  const present = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.md')) : [];
  const stale = [...expected].filter(([name, text]) => !existsSync(join(dir, name)) || readFileSync(join(dir, name), 'utf8') !== text).map(([name]) => name);
  const extra = present.filter((name) => !expected.has(name));
  return [...stale, ...extra].sort();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--check')) {
    const stale = staleFiles();
    if (stale.length > 0) {
      console.error(`${API_DIR}/ is stale (${stale.join(', ')}): run \`npm run docs:api\` and commit the result.`);
      process.exit(1);
    }
    console.log(`${API_DIR}/ is up to date.`);
  } else {
    const files = apiReference(JSON.parse(readFileSync('custom-elements.json', 'utf8')));
    mkdirSync(API_DIR, { recursive: true });
    for (const name of readdirSync(API_DIR)) if (name.endsWith('.md') && !files.has(name)) rmSync(join(API_DIR, name));
    for (const [name, text] of files) writeFileSync(join(API_DIR, name), text);
    console.log(`Wrote ${API_DIR}/: ${[...files.keys()].join(', ')}.`);
  }
}
