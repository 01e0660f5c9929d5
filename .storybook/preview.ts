import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import manifest from '../custom-elements.json';

// Controls and docs for every element come from the generated manifest.
setCustomElementsManifest(manifest);

type ArgTypesEnhancer = NonNullable<Preview['argTypesEnhancers']>[number];
type ArgType = ReturnType<ArgTypesEnhancer>[string];

/** A type as the manifest writes it (`'participant' | 'presenter'`, `string | undefined`) as Storybook reads types. */
function storybookType(text: string): ArgType['type'] {
  const parts = text
    .split('|')
    .map((part) => part.trim())
    .filter((part) => part !== 'undefined' && part !== 'null');
  if (parts.length > 0 && parts.every((part) => /^'[^']*'$/.test(part))) return { name: 'enum', value: parts.map((part) => part.slice(1, -1)) };
  if (parts.length === 1 && (parts[0] === 'string' || parts[0] === 'number' || parts[0] === 'boolean')) return { name: parts[0] };
  return undefined;
}

/**
 * Controls from the manifest's types: an attribute that takes one of some strings gets a choice of
 * them, an optional one (`T | undefined`) the control of `T`. A story's own control still wins.
 */
const controlsFromManifestTypes: ArgTypesEnhancer = ({ argTypes }) =>
  Object.fromEntries(
    Object.entries(argTypes).map(([name, argType]) => {
      const text = typeof argType.type === 'object' ? argType.type.name : argType.type;
      const type = argType.control === undefined && typeof text === 'string' ? storybookType(text) : undefined;
      return [name, type ? { ...argType, type } : argType];
    }),
  );

const preview: Preview = {
  argTypesEnhancers: [controlsFromManifestTypes],
  globalTypes: {
    lang: {
      description: 'Language of the elements',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'fi', title: 'suomi' },
          { value: 'sv', title: 'svenska' },
          { value: 'en', title: 'English' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Colour scheme',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
    dir: {
      description: 'Text direction',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: 'ltr', title: 'Left to right' },
          { value: 'rtl', title: 'Right to left' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { lang: 'fi', theme: 'light', dir: 'ltr' },
  decorators: [
    (story, context) => {
      const { lang, theme, dir } = context.globals as { lang: string; theme: string; dir: string };
      const background = theme === 'dark' ? '#101317' : '#ffffff';
      // The page itself too: its language for screen readers and axe, its scheme for Storybook's own margins.
      document.documentElement.lang = lang;
      document.documentElement.style.colorScheme = theme;
      document.body.style.background = background;
      return html`<div
        lang=${lang}
        dir=${dir}
        style="--osa-color-scheme: ${theme}; color-scheme: ${theme}; background: ${background}; padding: 16px; min-height: 100%;"
      >
        ${story()}
      </div>`;
    },
  ],
  parameters: {
    controls: { expanded: true },
    a11y: { test: 'error' },
    docs: { toc: true },
  },
};

export default preview;
