/** The flags every Chromium the tests start runs with. */
export declare const CHROMIUM_FLAGS: readonly string[];
