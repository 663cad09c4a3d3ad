package com.cityops.bench;

import java.util.Arrays;

/**
 * {@code java -jar bench/target/cityops-bench.jar WORKLOAD [options]}: runs one measured workload.
 * Workloads so far: {@code feed-burst} (see {@link FeedBurst}).
 */
public final class Bench {
  private Bench() {}

  public static void main(String[] args) throws Exception {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "cityops-logback.xml");
    }
    if (args.length == 0 || !args[0].equals("feed-burst")) {
      System.err.println("usage: cityops-bench feed-burst [--rate N] [--seconds S] [--warmup S]");
      System.exit(2);
    }
    System.exit(FeedBurst.run(Arrays.copyOfRange(args, 1, args.length)));
  }
}
