export declare const PROCESS_CWD_ALLOWED: ReadonlyMap<string, string>;
export declare function processCwdProblem(rel: string, text: string): string | null;
