package com.cityops.app;

import com.cityops.app.cli.AppOptions;
import com.cityops.sim.SimConfig;
import com.cityops.sim.SimServer;
import com.cityops.sim.world.Scenario;
import java.util.concurrent.CompletableFuture;

/**
 * The embedded reference backend of {@code --demo}, started on a thread of its own as soon as the
 * options are read: building the simulated city then overlaps the JavaFX start-up instead of
 * following it (about a second of the start-up on two cores).
 */
final class DemoBackend {
  private DemoBackend() {}

  /** Starts the backend the options describe; the future fails with the reason it could not. */
  static CompletableFuture<SimServer> start(AppOptions options) {
    CompletableFuture<SimServer> started = new CompletableFuture<>();
    Thread starter =
        new Thread(
            () -> {
              try {
                started.complete(
                    SimServer.start(
                        SimConfig.builder()
                            .port(0)
                            .seed(options.simSeed())
                            .speed(options.simSpeed())
                            .rate(options.simRate())
                            .scenario(Scenario.parse(options.simScenario()))
                            .build()));
              } catch (RuntimeException e) {
                started.completeExceptionally(e);
              }
            },
            "cityops-demo-backend");
    starter.setDaemon(true);
    starter.start();
    return started;
  }
}
