import { Help } from 'commander';
import type { Command } from 'commander';

const TITLES: Record<string, string> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
  'Global Options:': '全局选项：',
};

const ERRORS: [RegExp, string][] = [
  [/^error: required option '(.+)' not specified/, '错误：缺少必需的选项 $1'],
  [/^error: missing required argument '(.+)'/, '错误：缺少参数 $1'],
  [/^error: option '(.+)' argument missing/, '错误：选项 $1 缺少取值'],
  [/^error: unknown option '(.+)'/, '错误：未知的选项 $1'],
  [/^error: unknown command '(.+)'/, '错误：未知的命令 $1'],
  [/^error: too many arguments.*/, '错误：参数过多'],
  // A value refused by an argument parser (InvalidArgumentError): its Chinese reason follows.
  [/^error: option '(.+)' argument '(.*)' is invalid\. ?(.*)/, '错误：选项 $1 的取值“$2”无效：$3'],
  [/^error: command-argument value '(.*)' is invalid for argument '(.+)'\. ?(.*)/, '错误：参数 $2 的取值“$1”无效：$3'],
];

/** commander's `(default: 50)` after an option's description, in Chinese. */
function localiseExtraInfo(description: string): string {
  return description.replace(/ ?\(default: (.+)\)$/, '（默认：$1）');
}

function translateError(text: string): string {
  for (const [pattern, replacement] of ERRORS) {
    if (pattern.test(text)) return `${text.trim().split('\n')[0]?.replace(pattern, replacement)}（运行 --help 查看用法）\n`;
  }
  return text;
}

/** Chinese headings in help and Chinese usage errors; call before adding subcommands (they inherit it). */
export function localise(program: Command): Command {
  return program
    .configureHelp({
      styleTitle: (title) => TITLES[title] ?? title,
      optionDescription(option) {
        return localiseExtraInfo(Help.prototype.optionDescription.call(this, option));
      },
      argumentDescription(argument) {
        return localiseExtraInfo(Help.prototype.argumentDescription.call(this, argument));
      },
      commandUsage(cmd) {
        return Help.prototype.commandUsage.call(this, cmd).replace('[options]', '[选项]').replace('[command]', '<命令>');
      },
    })
    .configureOutput({ outputError: (text, write) => write(translateError(text)) })
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [command]', '显示某个命令的帮助');
}
