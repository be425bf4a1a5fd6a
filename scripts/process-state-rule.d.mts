export declare const V8_FLAGS_MODULE: string;
export declare const MODULE_LETS: ReadonlyMap<string, string>;
export declare function processStateProblems(rel: string, text: string): string[];
