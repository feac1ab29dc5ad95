// The `stopword` package (MIT) ships no types; we read only its English list.
declare module 'stopword' {
  export const eng: readonly string[];
}
