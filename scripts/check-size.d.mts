export declare const TAGS: string[];
export declare function measureSizes(): Record<string, number>;
