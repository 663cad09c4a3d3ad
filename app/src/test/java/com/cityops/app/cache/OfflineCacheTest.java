package com.cityops.app.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.cityops.api.IncidentLevel;
import com.cityops.api.IncidentStatus;
import com.cityops.api.OperatingMode;
import com.cityops.api.Snapshot;
import com.cityops.app.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineCacheTest {
  static final Snapshot STATE =
      new Snapshot(
          42,
          Fixtures.T0,
          OperatingMode.NORMAL,
          List.of(Fixtures.incident("a", 3, IncidentStatus.HANDLING, IncidentLevel.III)),
          List.of(),
          List.of(),
          List.of());

  @Test
  void savesAndLoadsTheLastState(@TempDir Path dir) throws Exception {
    var cache = new OfflineCache(dir);
    Instant savedAt = Instant.parse("2026-11-22T03:00:00Z");
    cache.save(STATE, savedAt);
    var loaded = cache.load().orElseThrow();
    assertThat(loaded.savedAt()).isEqualTo(savedAt);
    assertThat(loaded.state()).isEqualTo(STATE);
    assertThat(Files.list(dir)).containsExactly(dir.resolve(OfflineCache.FILE));
  }

  @Test
  void aBrokenCacheIsIgnoredNotFatal(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve(OfflineCache.FILE),
        "{\"savedAt\":\"2026-11-22T03:00:00Z\",\"state\":{\"seq\":");
    assertThat(new OfflineCache(dir).load()).isEmpty();
    Files.writeString(dir.resolve(OfflineCache.FILE), "");
    assertThat(new OfflineCache(dir).load()).isEmpty();
  }

  @Test
  void aNewSaveReplacesTheOldOneWhole(@TempDir Path dir) throws Exception {
    var cache = new OfflineCache(dir);
    cache.save(STATE, Fixtures.T0);
    Snapshot newer =
        new Snapshot(
            43, Fixtures.T0, OperatingMode.EMERGENCY, List.of(), List.of(), List.of(), List.of());
    cache.save(newer, Fixtures.T0.plusSeconds(30));
    assertThat(cache.load().orElseThrow().state().seq()).isEqualTo(43);
  }

  @Test
  void followsEachPlatformsConventionForUserData() {
    assertThat(AppDirectories.dataDir(Map.of(), "Linux", "/home/op"))
        .isEqualTo(Path.of("/home/op/.local/share/cityops"));
    assertThat(AppDirectories.dataDir(Map.of("XDG_DATA_HOME", "/data"), "Linux", "/home/op"))
        .isEqualTo(Path.of("/data/cityops"));
    assertThat(
            AppDirectories.dataDir(
                Map.of("LOCALAPPDATA", "C:\\Users\\op\\AppData\\Local"),
                "Windows 11",
                "C:\\Users\\op"))
        .isEqualTo(Path.of("C:\\Users\\op\\AppData\\Local", "CityOps"));
  }
}
