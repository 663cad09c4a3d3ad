package com.cityops.app.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cityops.api.IncidentLevel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnnounceSettingsStoreTest {
  @TempDir Path dir;

  @Test
  void keepsTheOperatorsSettingsAcrossRestarts() {
    AnnounceSettings changed =
        AnnounceSettings.DEFAULT
            .withMuted(true)
            .withSound(IncidentLevel.II, new AnnounceSettings.GradeSound(false, Tone.CHIME));
    try (AnnounceSettingsStore store = new AnnounceSettingsStore(dir)) {
      store.save(changed);
    }
    Path file = dir.resolve(AnnounceSettingsStore.FILE);
    await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(file));
    try (AnnounceSettingsStore store = new AnnounceSettingsStore(dir)) {
      assertThat(store.read()).isEqualTo(changed);
    }
  }

  @Test
  void anUnreadableFileGivesTheDefaults() throws Exception {
    Files.writeString(dir.resolve(AnnounceSettingsStore.FILE), "{not json");
    try (AnnounceSettingsStore store = new AnnounceSettingsStore(dir)) {
      assertThat(store.read()).isEqualTo(AnnounceSettings.DEFAULT);
    }
  }

  @Test
  void noFileGivesTheDefaults() {
    try (AnnounceSettingsStore store = new AnnounceSettingsStore(dir)) {
      assertThat(store.read()).isEqualTo(AnnounceSettings.DEFAULT);
    }
  }

  @Test
  void generatesTonesWithoutASoundCard() {
    byte[] pcm = JavaSoundSink.pcm(Tone.ALARM);
    assertThat(pcm.length).isEqualTo((6174 + 3087) * 3 * 2);
  }
}
