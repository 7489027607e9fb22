/**
 * Preloaded (`node --require bench/peak-rss.cjs ...`) into a process the benchmark measures, such as the built
 * CLI: on exit it writes the process's peak resident set size in MB to the file named by PEAK_RSS_FILE.
 */
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  if (process.env.PEAK_RSS_FILE)
    writeFileSync(process.env.PEAK_RSS_FILE, String(process.resourceUsage().maxRSS / 1024));
});
