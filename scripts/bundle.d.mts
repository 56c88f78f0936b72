export declare const ROOT: string;
export declare const BUNDLE: string;
export declare function newestSource(dir?: string): number;
export declare function bundleIsStale(bundle?: string): boolean;
export declare function buildBundle(options?: { outDir?: string; quiet?: boolean }): string;
