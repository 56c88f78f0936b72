/// <reference types="vite/client" />
import type {} from 'clerk-oauth-elements/vue';
