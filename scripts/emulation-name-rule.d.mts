export declare const EMULATION_REGISTRY: string;
export declare function emulationNames(registryText: string): string[];
export declare function emulationNameProblems(rel: string, text: string, names: readonly string[]): string[];
