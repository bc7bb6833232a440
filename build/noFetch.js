// Bundled in place of node-fetch and sync-fetch. citation-js 0.8.2 imports both when it loads, to fetch inputs
// given as URLs; Paper Explorer calls its parsers directly and never fetches, so the bundles carry this instead of
// ~100 KB of fetch code (and its polyfills), and a call that should never happen says so.
function noFetch() {
  throw new Error('Paper Explorer does not fetch anything through citation-js');
}
module.exports = noFetch;
module.exports.default = noFetch;
