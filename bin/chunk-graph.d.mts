export declare function staticClosure(dir: string, file: string, seen?: Set<string>): Set<string>;
export declare function laterChunks(dir: string, files: Iterable<string>): Set<string>;
