package com.cityops.app;

import com.cityops.app.cli.AppOptions;
import com.cityops.app.doctor.DoctorCommand;
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
    DoctorCommand doctor = new DoctorCommand();
    com.cityops.app.cli.TilesCommand tiles = new com.cityops.app.cli.TilesCommand();
    com.cityops.app.cli.RenderCommand render = new com.cityops.app.cli.RenderCommand();
    CommandLine cli =
        new CommandLine(options)
            .addSubcommand("doctor", doctor)
            .addSubcommand("tiles", tiles)
            .addSubcommand("render", render);
    CommandLine.ParseResult parsed;
    try {
      parsed = cli.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      System.err.println(e.getMessage());
      e.getCommandLine().usage(System.err);
      System.exit(2);
      return;
    }
    if (CommandLine.printHelpIfRequested(parsed)) {
      return;
    }
    if (parsed.hasSubcommand()) {
      // Headless: no window, no JavaFX.
      CommandLine.ParseResult sub = parsed.subcommand();
      if (sub.commandSpec().name().equals("tiles")) {
        if (!sub.hasSubcommand()) {
          sub.commandSpec().commandLine().usage(System.err);
          System.exit(2);
        }
        var decode =
            (com.cityops.app.cli.TilesCommand.Decode) sub.subcommand().commandSpec().userObject();
        System.exit(decode.run(System.out, System.err));
      }
      if (sub.commandSpec().name().equals("render")) {
        System.exit(render.run(System.out, System.err));
      }
      System.exit(doctor.run(System.out, System.err));
    }
    try {
      options.checkServer();
      if (options.snapshotDir() != null && options.wall() == null) {
        throw new IllegalArgumentException("--snapshot-dir renders a wall: give --wall FILE too");
      }
      if (options.wall() != null) {
        var layout = com.cityops.app.wall.WallLayoutReader.read(options.wall()); // a bad file stops
        options.wallRole();
        for (String screen : options.wallScreens()) {
          if (layout.screen(screen) == null) {
            throw new IllegalArgumentException(
                "--wall-screens: the layout has no screen '"
                    + screen
                    + "'; it has "
                    + layout.screens().stream().map(s -> s.id()).toList());
          }
        }
      }
      if (options.kiosk()) {
        options.kioskPin(); // an unreadable PIN file stops here, not at the wall
      }
      if (options.controlTokenFile() != null
          && (options.wall() == null || options.statusPort() < 0)) {
        throw new IllegalArgumentException(
            "--control-token-file steers a wall through the status endpoint: give --wall FILE"
                + " and --status-port PORT too");
      }
    } catch (IllegalArgumentException | com.cityops.app.wall.WallLayoutException e) {
      System.err.println("cityops: " + e.getMessage());
      System.exit(2);
      return;
    }
    // The demo's city is built while JavaFX starts, not after.
    var demoBackend = options.demo() ? DemoBackend.start(options) : null;
    FxPlatform.start(() -> CityOpsApp.start(options, demoBackend));
  }
}
