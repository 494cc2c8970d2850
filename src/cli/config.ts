import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { ConfigError, findConfig, loadConfig, type ConfigKey, type SkillscanConfig } from '../api/config.js';
import { UsageError } from '../model/errors.js';
import type { Io } from './io.js';

/** A configuration key a command uses, and the option it sets. */
export interface ConfigBinding {
  key: ConfigKey;
  option: string;
  /** A configured value outside the option's choices is skipped instead of refused. */
  skipInvalid?: boolean;
}

/** Where a resolved setting came from: the command line, the configuration (`file:line:col`), or the default. */
export type SettingSources = Map<ConfigKey, string>;

export interface ResolvedConfig {
  config?: SkillscanConfig;
  sources: SettingSources;
}

/**
 * Fills the command's options from the configuration file (`--config FILE`, else the nearest one from
 * the working directory up; `--no-config` for none). A flag given on the command line wins. Mutates
 * the command's option values, so the command reads one set of options whatever their origin.
 */
export async function applyConfig(command: Command, io: Io, bindings: readonly ConfigBinding[]): Promise<ResolvedConfig> {
  const opts = command.opts();
  let path: string | undefined;
  if (typeof opts.config === 'string') {
    path = resolve(io.cwd, opts.config);
    if (!existsSync(path)) throw new UsageError(`--config ${opts.config}: no such file`);
  } else if (opts.config !== false) {
    path = findConfig(io.cwd);
  }
  const config = path ? await loadConfig(path) : undefined;
  const sources: SettingSources = new Map();
  for (const { key, option, skipInvalid } of bindings) {
    const entry = config?.[key];
    const choices = command.options.find((o) => o.attributeName() === option)?.argChoices;
    const valid = !entry || !choices || choices.includes(entry.value as string);
    if (command.getOptionValueSource(option) === 'cli') sources.set(key, 'command line');
    else if (entry && !valid && skipInvalid) sources.set(key, `default; ${entry.at} is not a choice here`);
    else if (entry) {
      if (!valid) {
        throw new ConfigError(`${entry.at}: "format" must be one of ${choices.join(', ')} for '${command.name()}' (got "${entry.value}")`);
      }
      command.setOptionValueWithSource(option, entry.value, 'config');
      sources.set(key, entry.at);
    } else sources.set(key, 'default');
  }
  return config ? { config, sources } : { sources };
}

/**
 * Resolves a command's configuration (files, then flags). With --print-config it prints the result
 * and returns undefined: the command then does nothing else.
 */
export async function configure(
  command: Command,
  io: Io,
  bindings: readonly ConfigBinding[],
  options: { printConfig?: boolean },
): Promise<ResolvedConfig | undefined> {
  const resolved = await applyConfig(command, io, bindings);
  if (!options.printConfig) return resolved;
  io.stdout.write(formatConfig(resolved, options as unknown as Record<string, unknown>, bindings));
  return undefined;
}

export function formatConfig(resolved: ResolvedConfig, values: Record<string, unknown>, bindings: readonly ConfigBinding[]): string {
  const lines = [`config file: ${resolved.config?.file ?? '(none found)'}`];
  const width = Math.max(...bindings.map((b) => b.key.length));
  const shown = bindings.map(({ option }) => {
    const value = values[option];
    return Array.isArray(value) ? `[${value.join(', ')}]` : value === undefined ? '(none)' : String(value);
  });
  const valueWidth = Math.max(...shown.map((v) => v.length));
  for (const [i, { key }] of bindings.entries()) lines.push(`${key.padEnd(width)}  ${shown[i]!.padEnd(valueWidth)}  (${resolved.sources.get(key)})`);
  return `${lines.join('\n')}\n`;
}

/** `--config`, `--no-config`, `--print-config`: for every command that reads the configuration. */
export function addConfigOptions(command: Command): Command {
  return command
    .option(
      '--config <file>',
      'read the configuration from this file (default: the nearest skillscan.config.yaml, .skillscanrc.yaml, .skillscanrc.json or package.json "skillscan" from here up)',
    )
    .option('--no-config', 'read no configuration file')
    .option('--print-config', 'print the resolved configuration (each value and where it came from) and exit');
}
