/**
 * OpenCC's dictionaries, one module each (`opencc-js/dict/<name>`): a string
 * of `key value value|key value…` entries. The package types only its
 * converters; these modules are plain data.
 */
declare module 'opencc-js/dict/*' {
  const dictionary: string;
  export default dictionary;
}
