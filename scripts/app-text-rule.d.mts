export declare const APP_TEXT_ALLOWED: ReadonlyMap<string, string>;
export declare const APP_LITERALS_ALLOWED: ReadonlyMap<string, ReadonlyMap<string, string>>;
export declare function appTextProblems(rel: string, text: string): string[];
