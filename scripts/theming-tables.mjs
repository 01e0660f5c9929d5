#!/usr/bin/env node
/**
 * Writes the generated parts of docs/theming.md: each element's custom properties, parts and
 * custom states from custom-elements.json, and the worked example's CSS and contrast table from
 * src/theme/examples/city-theme.ts. Each part sits between `<!-- theming:NAME -->` and
 * `<!-- /theming:NAME -->`; the text around them is written by hand.
 *
 *   node scripts/theming-tables.mjs          rewrites docs/theming.md
 *
 * scripts/theming.test.mjs fails when the guide differs from what this script would write.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = new URL('../', import.meta.url);
export const DOC = fileURLToPath(new URL('docs/theming.md', root));

/** A table cell: one line, pipes escaped. */
const cell = (text) => String(text).replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();

const table = (head, rows) => [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)].join('\n');

/** Each element that has custom properties, parts or states, in the manifest's order. */
export function elementTables(manifest) {
  const sections = [];
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (!declaration.customElement || !declaration.tagName) continue;
      const properties = declaration.cssProperties ?? [];
      const parts = declaration.cssParts ?? [];
      const states = declaration.cssStates ?? [];
      if (properties.length + parts.length + states.length === 0) continue;
      const lines = [`### \`<${declaration.tagName}>\``, ''];
      if (declaration.summary) lines.push(`${declaration.summary}`, '');
      if (properties.length > 0) lines.push(table(['custom property', 'what it sets'], properties.map((property) => [`\`${property.name}\``, property.description ?? ''])), '');
      if (parts.length > 0) lines.push(table(['part', 'what it is'], parts.map((part) => [`\`::part(${part.name})\``, part.description ?? ''])), '');
      if (states.length > 0) lines.push(table(['custom state', 'when'], states.map((state) => [`\`:state(${state.name})\``, state.description ?? ''])), '');
      sections.push(lines.join('\n').trimEnd());
    }
  }
  return sections.join('\n\n');
}

/** The example's CSS, as a page adds it. */
export function exampleCss(city) {
  return ['```css', city.themeCss(city.CITY_THEME).trimEnd(), '```'].join('\n');
}

/** Each colour pair of the example with its ratio in light and in dark. */
export function exampleContrast(city) {
  const measured = city.measurePairs(city.CITY_THEME, city.CITY_PAIRS);
  const ratio = (pair, scheme) => {
    const found = measured.find((entry) => entry.scheme === scheme && entry.foreground === pair.foreground && entry.background === pair.background);
    return `${found.foregroundColour} on ${found.backgroundColour}: ${found.ratio.toFixed(2)}:1`;
  };
  return table(
    ['where', 'foreground', 'background', 'needs', 'light', 'dark'],
    city.CITY_PAIRS.map((pair) => [pair.where, `\`${city.describeColour(pair.foreground)}\``, `\`${city.describeColour(pair.background)}\``, `${pair.minimum}:1`, ratio(pair, 'light'), ratio(pair, 'dark')]),
  );
}

/** The guide with every generated part written afresh. */
export async function renderDoc(doc, manifest) {
  const city = await tsImport('../src/theme/examples/city-theme.ts', import.meta.url);
  const parts = { elements: elementTables(manifest), 'example-css': exampleCss(city), 'example-contrast': exampleContrast(city) };
  let text = doc;
  for (const [name, body] of Object.entries(parts)) {
    const pattern = new RegExp(`(<!-- theming:${name} -->\\n)[\\s\\S]*?(<!-- /theming:${name} -->)`);
    if (!pattern.test(text)) throw new Error(`docs/theming.md has no <!-- theming:${name} --> … <!-- /theming:${name} --> block.`);
    text = text.replace(pattern, (_match, start, end) => `${start}${body}\n${end}`);
  }
  return text;
}

export const readManifest = () => JSON.parse(readFileSync(new URL('custom-elements.json', root), 'utf8'));

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const before = readFileSync(DOC, 'utf8');
  const after = await renderDoc(before, readManifest());
  if (after === before) console.log('docs/theming.md is up to date.');
  else {
    writeFileSync(DOC, after);
    console.log('docs/theming.md rewritten from custom-elements.json and src/theme/examples/city-theme.ts.');
  }
}
