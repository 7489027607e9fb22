/** `email-providers` ships no types: its default export is its `all.json`, a list of domain names. */
declare module 'email-providers' {
  const all: unknown;
  export default all;
}
