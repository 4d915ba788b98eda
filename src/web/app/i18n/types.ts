/** The same keys as the Indonesian resources, with any text as the value. */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
