import { createApp } from 'vue';
import 'clerk-oauth-elements/define';
import App from './App.vue';

createApp(App).mount('#app');
