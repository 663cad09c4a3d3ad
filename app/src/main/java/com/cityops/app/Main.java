package com.cityops.app;

import com.cityops.app.cli.AppOptions;
import com.cityops.app.fx.FxPlatform;
import picocli.CommandLine;

/**
 * Entry point ({@code java -jar cityops.jar}). Deliberately not a JavaFX {@code Application}: run
 * from the classpath, the launcher would refuse a main class that extends it.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "cityops-logback.xml");
    }
    AppOptions options = new AppOptions();
    CommandLine cli = new CommandLine(options);
    try {
      cli.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      System.err.println(e.getMessage());
      cli.usage(System.err);
      System.exit(2);
    }
    if (cli.isUsageHelpRequested()) {
      cli.usage(System.out);
      return;
    }
    if (cli.isVersionHelpRequested()) {
      cli.printVersionHelp(System.out);
      return;
    }
    FxPlatform.start(() -> CityOpsApp.start(options));
  }
}
