package com.cityops.bench;

import java.util.Arrays;

/**
 * {@code java -jar bench/target/cityops-bench.jar WORKLOAD [options]}: runs one measured workload.
 * Workloads: {@code feed-burst} (see {@link FeedBurst}), {@code map-frames} (see {@link MapFrames})
 * and {@code basemap} (see {@link BasemapWorkload}).
 */
public final class Bench {
  private Bench() {}

  public static void main(String[] args) throws Exception {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "cityops-logback.xml");
    }
    String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
    if (args.length > 0 && Suite.handles(args[0])) {
      System.exit(Suite.run(args[0], rest));
    }
    if (args.length > 0 && args[0].equals("feed-burst")) {
      System.exit(FeedBurst.run(rest));
    } else if (args.length > 0 && args[0].equals(MapFrames.NAME)) {
      System.exit(MapFrames.run(rest));
    } else if (args.length > 0 && args[0].equals(BasemapWorkload.NAME)) {
      System.exit(BasemapWorkload.run(rest));
    }
    System.err.print(Suite.usage());
    System.err.println(
        "usage: cityops-bench feed-burst [--rate N] [--seconds S] [--warmup S]\n"
            + "       cityops-bench map-frames [--size WxH]... [--seconds S] [--warmup S]"
            + " [--points N] [--peer-points N] [--rate N] [--zoom Z] [--no-gluon-large]\n"
            + "       cityops-bench basemap [--part tiles|views|raster]... [--zoom Z]"
            + " [--size WxH] [--center LON,LAT] [--rounds N] [--view-rounds N]"
            + " [--peer-threads N] [--no-stock-peer]");
    System.exit(2);
  }
}
