import type { ArgTypesEnhancer, StoryContext } from 'storybook/internal/types';

/**
 * Storybook's controls, live: the stories render fixed scenarios, and every attribute, property and CSS custom
 * property a designer changes in the controls is applied to the story's element (`component`) afterwards.
 * Only args the designer (or the story) set are applied, so a story's own setup stays as it is until changed.
 */
const APPLIED = new Set(['attributes', 'properties', 'css custom properties']);

export function applyArgs(root: HTMLElement, context: Pick<StoryContext, 'args' | 'argTypes' | 'component'>): void {
  const tag = typeof context.component === 'string' ? context.component : undefined;
  const element = tag ? root.querySelector<HTMLElement>(tag) : null;
  if (!element) return;
  for (const [name, value] of Object.entries(context.args)) {
    const category = context.argTypes[name]?.table?.category;
    if (!category || !APPLIED.has(category) || value === undefined) continue;
    if (category === 'attributes') {
      if (value === false || value === null || value === '') element.removeAttribute(name);
      else element.setAttribute(name, value === true ? '' : String(value));
    } else if (category === 'properties') {
      (element as unknown as Record<string, unknown>)[name] = value;
    } else {
      element.style.setProperty(name, String(value));
    }
  }
}

/** Controls only for what a page can set: no read-only members (`status`, `step`, `error`), no duplicate of an attribute. */
export const controlledArgTypes: ArgTypesEnhancer = (context) => {
  const argTypes = { ...context.argTypes };
  const attributeFields = new Set<string>();
  const manifest = (globalThis as { __STORYBOOK_CUSTOM_ELEMENTS_MANIFEST__?: Manifest }).__STORYBOOK_CUSTOM_ELEMENTS_MANIFEST__;
  const declaration = manifest?.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === context.component);
  for (const attribute of declaration?.attributes ?? []) if (attribute.fieldName) attributeFields.add(attribute.fieldName);
  const readonly = new Set((declaration?.members ?? []).filter((m) => m.readonly || m.privacy).map((m) => m.name));
  readonly.add('status');
  for (const [name, argType] of Object.entries(argTypes)) {
    const category = argType.table?.category;
    if ((category === 'properties' && (readonly.has(name) || attributeFields.has(name))) || (category === 'attributes' && name === 'status')) {
      argTypes[name] = { ...argType, control: false };
    }
  }
  return argTypes;
};

interface Manifest {
  modules: { declarations?: { tagName?: string; attributes?: { name: string; fieldName?: string }[]; members?: { name: string; readonly?: boolean; privacy?: string }[] }[] }[];
}
