// Preloaded with `node --import` when /usr/bin/time is missing: prints the process's peak RSS on
// stderr as "maxRSS_KB=N" at exit (worker threads share the process, so they are counted).
process.on('exit', () => process.stderr.write(`maxRSS_KB=${process.resourceUsage().maxRSS}\n`));
