// The single-file browser build: everything (lit included) and every tag registered.
export * from './index.js';
import './define.js';
