import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// Vue renders our tags as custom elements (it sets `navigate` and other objects as properties).
const TAGS = ['clerk-provider', 'oauth-buttons', 'sso-callback', 'continue-signup', 'connected-accounts'];

export default defineConfig({
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => TAGS.includes(tag) } } })],
});
