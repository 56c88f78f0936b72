export { clerkPreloadHint, clerkJsUrlFor } from '../dist/types/ssr/script-url.js';
export declare const ELEMENT_TAGS: string[];
export declare function chunkClosure(file: string, seen?: Set<string>): Set<string>;
export declare function modulePreloadHints(options: { tags: string[]; base?: string; hydrate?: boolean }): string;
