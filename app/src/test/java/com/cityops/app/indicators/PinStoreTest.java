package com.cityops.app.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PinStoreTest {
  @TempDir Path dataDir;

  @Test
  void aUserWhoNeverPinnedHasNoPins() {
    assertThat(new PinStore(dataDir).load("operator")).isEmpty();
  }

  @Test
  void keepsEachUsersPinsInOrderAcrossInstances() {
    new PinStore(dataDir).save("operator", List.of("b", "a", "c"));
    new PinStore(dataDir).save("supervisor", List.of("x"));
    assertThat(new PinStore(dataDir).load("operator")).contains(List.of("b", "a", "c"));
    assertThat(new PinStore(dataDir).load("supervisor")).contains(List.of("x"));
  }

  @Test
  void anEmptyChoiceIsRememberedAsEmptyNotAsDefaults() {
    PinStore store = new PinStore(dataDir);
    store.save("operator", List.of());
    assertThat(store.load("operator")).contains(List.of());
  }

  @Test
  void usernamesThatAreNotFileNamesStayApart() {
    PinStore store = new PinStore(dataDir);
    store.save("张三/../x", List.of("a"));
    store.save("李四/../x", List.of("b"));
    assertThat(store.fileOf("张三/../x").getParent()).isEqualTo(dataDir.resolve("indicator-pins"));
    assertThat(store.load("张三/../x")).contains(List.of("a"));
    assertThat(store.load("李四/../x")).contains(List.of("b"));
  }

  @Test
  void aBrokenFileFailsWithItsPath() throws Exception {
    PinStore store = new PinStore(dataDir);
    Files.createDirectories(store.fileOf("operator").getParent());
    Files.writeString(store.fileOf("operator"), "{not json");
    assertThatThrownBy(() -> store.load("operator"))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("operator.json");
  }
}
