package com.cityops.bench;

import com.cityops.api.Json;
import com.cityops.api.Role;
import com.cityops.api.Snapshot;
import com.cityops.sim.SimConfig;
import com.cityops.sim.stream.StreamHub;
import com.cityops.sim.stream.StreamSink;
import com.cityops.sim.world.CityWorld;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recorded stream messages of the reference backend, for the ingest workloads: the simulated city
 * (fixed seed and start time) is built, its snapshot taken as an operator sees it, then its stream
 * recorded — first 10 city minutes of its own life (incidents, device changes, indicator samples),
 * then the load generator the {@code feed-burst} workload uses ({@link CityWorld#addLoad}: device
 * readings and indicator samples, alternating) up to the wanted count. The messages follow the
 * snapshot's seq without a gap, exactly as the backend sent them (masked for the operator role).
 *
 * <p>Immutable once recorded.
 */
final class IngestCorpus {
  static final Instant START = Instant.parse("2026-11-22T02:00:00Z");

  private final long baseSeq;
  private final String snapshotJson;
  private final List<String> messages;

  private IngestCorpus(long baseSeq, String snapshotJson, List<String> messages) {
    this.baseSeq = baseSeq;
    this.snapshotJson = snapshotJson;
    this.messages = List.copyOf(messages);
  }

  /** The seq of the snapshot; message {@code i} has seq {@code baseSeq + 1 + i}. */
  long baseSeq() {
    return baseSeq;
  }

  String snapshotJson() {
    return snapshotJson;
  }

  Snapshot snapshot() {
    return Json.read(snapshotJson, Snapshot.class);
  }

  List<String> messages() {
    return messages;
  }

  /** Records {@code count} messages of the city with this seed. */
  static IngestCorpus record(long seed, int count) throws InterruptedException {
    SimConfig config =
        SimConfig.builder().seed(seed).start(START).journalMemory(count + 10_000).build();
    List<String> received = Collections.synchronizedList(new ArrayList<>(count + 1_000));
    try (CityWorld world = CityWorld.create(config, START)) {
      Snapshot snapshot = world.snapshot(Role.OPERATOR);
      StreamHub.Subscription sub =
          world.subscribe(
              new StreamSink() {
                @Override
                public void send(List<String> batch) {
                  received.addAll(batch);
                }

                @Override
                public void close(int code, String reason) {}

                @Override
                public String describe() {
                  return "ingest corpus";
                }
              },
              Role.OPERATOR,
              snapshot.seq());
      world.advanceTo(START.plus(Duration.ofMinutes(10)));
      long published = world.headSeq() - snapshot.seq();
      while (published < count) {
        // Stay well inside the hub's per-client queue (it drops a client 100,000 behind).
        while (published - received.size() > 20_000) {
          Thread.sleep(5);
        }
        int n = (int) Math.min(10_000, count - published);
        world.addLoad(n);
        published += n;
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (received.size() < count && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      sub.cancel();
      if (received.size() < count) {
        throw new IllegalStateException("recorded " + received.size() + " of " + count);
      }
      return new IngestCorpus(
          snapshot.seq(), Json.write(snapshot), new ArrayList<>(received.subList(0, count)));
    }
  }

  /** Writes the snapshot (first line) and the messages (one per line). */
  void write(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(Long.toString(baseSeq));
      w.newLine();
      w.write(snapshotJson);
      w.newLine();
      for (String m : messages) {
        w.write(m);
        w.newLine();
      }
    }
  }

  static IngestCorpus read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    return new IngestCorpus(
        Long.parseLong(lines.get(0)), lines.get(1), lines.subList(2, lines.size()));
  }

  /** Messages per type and their mean size in UTF-8 bytes, for the record. */
  Map<String, Object> mix() {
    Map<String, long[]> byType = new LinkedHashMap<>();
    long bytes = 0;
    for (String m : messages) {
      int at = m.indexOf("\"type\":\"") + 8;
      String type = m.substring(at, m.indexOf('"', at));
      long size = m.getBytes(StandardCharsets.UTF_8).length;
      bytes += size;
      long[] t = byType.computeIfAbsent(type, k -> new long[2]);
      t[0]++;
      t[1] += size;
    }
    Map<String, Object> mix = new LinkedHashMap<>();
    mix.put("messages", messages.size());
    mix.put("mean_bytes", messages.isEmpty() ? 0 : bytes / messages.size());
    byType.forEach((type, t) -> mix.put(type, t[0] + " × " + t[1] / t[0] + " B"));
    return mix;
  }
}
