// Theming that holds where light-dark() / color-mix() are missing: every declaration that uses one of them has,
// in the same stylesheet, a plain redefinition of the same property on the same selector inside an
// `@supports not (…that function…)` block. (Chromium has both functions, so the fallback cannot be watched
// taking effect here; this checks that one exists for every use.)
import { expect } from '@open-wc/testing';
import type { CSSResultOrNative } from 'lit';
import { ClerkProviderElement } from '../src/elements/clerk-provider/clerk-provider.js';
import { OAuthButtonsElement } from '../src/elements/oauth-buttons/oauth-buttons.js';
import { SsoCallbackElement } from '../src/elements/sso-callback/sso-callback.js';
import { ContinueSignupElement } from '../src/elements/continue-signup/continue-signup.js';
import { ConnectedAccountsElement } from '../src/elements/connected-accounts/connected-accounts.js';

const ELEMENTS = { ClerkProviderElement, OAuthButtonsElement, SsoCallbackElement, ContinueSignupElement, ConnectedAccountsElement };
const FUNCTIONS = ['light-dark(', 'color-mix('];

interface Declaration {
  selector: string;
  property: string;
  value: string;
  supportsNot?: string;
}

/** Declarations as written (cssText keeps shorthands with var() that the CSSOM would split). */
function declarations(sheet: CSSStyleSheet): Declaration[] {
  const out: Declaration[] = [];
  const visit = (rules: CSSRuleList, supportsNot?: string) => {
    for (const rule of rules) {
      if (rule instanceof CSSSupportsRule) visit(rule.cssRules, rule.conditionText.startsWith('not') ? rule.conditionText : supportsNot);
      else if (rule instanceof CSSMediaRule) visit(rule.cssRules, supportsNot);
      else if (rule instanceof CSSStyleRule) {
        const body = rule.cssText.slice(rule.cssText.indexOf('{') + 1, rule.cssText.lastIndexOf('}'));
        for (const match of body.matchAll(/(--[\w-]+|[a-z-]+)\s*:\s*([^;]+);/g)) {
          out.push({ selector: rule.selectorText, property: match[1]!, value: match[2]!.trim(), supportsNot });
        }
      }
    }
  };
  visit(sheet.cssRules);
  return out;
}

const sheetsOf = (styles: unknown): CSSStyleSheet[] =>
  (Array.isArray(styles) ? styles.flat(Infinity) : [styles]).map((style: CSSResultOrNative) => (style instanceof CSSStyleSheet ? style : style.styleSheet!));

describe('theming fallbacks', () => {
  for (const [name, Element] of Object.entries(ELEMENTS)) {
    it(`${name}: every light-dark() / color-mix() has a plain fallback under @supports not`, () => {
      // Classes are finalized (their styles collected) on define or first use: these are never defined here.
      const element = Element as unknown as { finalize(): void; elementStyles: unknown };
      element.finalize();
      const all = sheetsOf(element.elementStyles).flatMap(declarations);
      const uses = all.filter((d) => !d.supportsNot && FUNCTIONS.some((fn) => d.value.includes(fn)));
      expect(uses.length, `${name} uses the functions at all (else this test checks nothing)`).to.be.greaterThan(0);
      for (const use of uses) {
        const fn = FUNCTIONS.find((f) => use.value.includes(f))!;
        const fallback = all.find(
          (d) => d.supportsNot?.includes(fn.slice(0, -1)) && d.selector === use.selector && d.property === use.property && !FUNCTIONS.some((f) => d.value.includes(f)),
        );
        expect(fallback, `${name}: ${use.selector} { ${use.property}: ${use.value} } has a fallback under @supports not (${fn}…)`).to.not.equal(undefined);
      }
    });
  }
});
