export declare const CHROMIUM_ARGS: string[];
export declare function findChrome(options?: { install?: boolean }): string;
export declare function findChromeOrExit(): string;
