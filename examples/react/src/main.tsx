import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'clerk-oauth-elements/define';
import type {} from 'clerk-oauth-elements/react';
import { App } from './App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
