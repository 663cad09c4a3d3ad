package com.cityops.bench;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Parses a workload's options; {@code --help} prints them (from the {@code @Option}s) instead. */
final class Cli {
  private Cli() {}

  /**
   * Fills {@code options} from {@code args}.
   *
   * @return false when help was asked for and printed: the caller exits 0
   */
  static boolean parse(String name, Object options, String[] args) {
    CommandSpec spec = CommandSpec.forAnnotatedObject(options);
    spec.name("cityops-bench " + name);
    spec.addOption(
        OptionSpec.builder("-h", "--help")
            .usageHelp(true)
            .description("Show the options.")
            .build());
    CommandLine line = new CommandLine(spec);
    line.parseArgs(args);
    if (line.isUsageHelpRequested()) {
      line.usage(System.out);
      return false;
    }
    return true;
  }
}
