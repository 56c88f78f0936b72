import { mount } from 'svelte';
import 'clerk-oauth-elements/define';
import App from './App.svelte';

mount(App, { target: document.getElementById('app')! });
