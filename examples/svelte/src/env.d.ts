import type {} from 'clerk-oauth-elements/svelte';
