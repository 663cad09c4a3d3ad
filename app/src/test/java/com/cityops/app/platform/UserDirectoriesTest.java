package com.cityops.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserDirectoriesTest {

  @Test
  void linuxFollowsTheXdgVariables() {
    var dirs =
        UserDirectories.of(
            Map.of(
                "XDG_CONFIG_HOME", "/cfg",
                "XDG_DATA_HOME", "/data",
                "XDG_CACHE_HOME", "/cache",
                "XDG_STATE_HOME", "/state"),
            "Linux",
            "/home/op");
    assertThat(dirs.config()).isEqualTo(Path.of("/cfg/cityops"));
    assertThat(dirs.data()).isEqualTo(Path.of("/data/cityops"));
    assertThat(dirs.cache()).isEqualTo(Path.of("/cache/cityops"));
    assertThat(dirs.logs()).isEqualTo(Path.of("/state/cityops/logs"));
  }

  @Test
  void linuxUsesTheSpecsDefaultsWithoutTheVariables() {
    var dirs = UserDirectories.of(Map.of(), "Linux", "/home/op");
    assertThat(dirs.config()).isEqualTo(Path.of("/home/op/.config/cityops"));
    assertThat(dirs.data()).isEqualTo(Path.of("/home/op/.local/share/cityops"));
    assertThat(dirs.cache()).isEqualTo(Path.of("/home/op/.cache/cityops"));
    assertThat(dirs.logs()).isEqualTo(Path.of("/home/op/.local/state/cityops/logs"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "relative/dir", "./here", "~/.config"})
  void linuxIgnoresEmptyAndRelativeXdgValuesAsTheSpecSays(String value) {
    var env =
        Map.of(
            "XDG_CONFIG_HOME", value,
            "XDG_DATA_HOME", value,
            "XDG_CACHE_HOME", value,
            "XDG_STATE_HOME", value);
    assertThat(UserDirectories.of(env, "Linux", "/home/op"))
        .isEqualTo(UserDirectories.of(Map.of(), "Linux", "/home/op"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"FreeBSD", "SunOS", "Kylin"})
  void otherUnixesAreTreatedLikeLinux(String os) {
    assertThat(UserDirectories.of(Map.of(), os, "/home/op"))
        .isEqualTo(UserDirectories.of(Map.of(), "Linux", "/home/op"));
  }

  @Test
  void windowsKeepsConfigInRoamingAppDataAndTheRestInLocalAppData() {
    String roaming = "C:\\Users\\op\\AppData\\Roaming";
    String local = "C:\\Users\\op\\AppData\\Local";
    var dirs =
        UserDirectories.of(
            Map.of("APPDATA", roaming, "LOCALAPPDATA", local), "Windows 11", "C:\\Users\\op");
    assertThat(dirs.config()).isEqualTo(Path.of(roaming).resolve("CityOps"));
    assertThat(dirs.data()).isEqualTo(Path.of(local).resolve("CityOps"));
    assertThat(dirs.cache()).isEqualTo(Path.of(local).resolve("CityOps").resolve("cache"));
    assertThat(dirs.logs()).isEqualTo(Path.of(local).resolve("CityOps").resolve("logs"));
  }

  @Test
  void windowsFallsBackToTheProfileWhenTheVariablesAreMissing() {
    Path home = Path.of("C:\\Users\\op");
    var dirs = UserDirectories.of(Map.of("LOCALAPPDATA", " "), "Windows 10", home.toString());
    assertThat(dirs.config())
        .isEqualTo(home.resolve("AppData").resolve("Roaming").resolve("CityOps"));
    assertThat(dirs.data()).isEqualTo(home.resolve("AppData").resolve("Local").resolve("CityOps"));
  }

  @Test
  void macUsesTheLibraryFolders() {
    var dirs = UserDirectories.of(Map.of("XDG_DATA_HOME", "/ignored"), "Mac OS X", "/Users/op");
    assertThat(dirs.data()).isEqualTo(Path.of("/Users/op/Library/Application Support/CityOps"));
    assertThat(dirs.cache()).isEqualTo(Path.of("/Users/op/Library/Caches/CityOps"));
    assertThat(dirs.logs()).isEqualTo(Path.of("/Users/op/Library/Logs/CityOps"));
  }

  @Test
  void theDataFolderIsTheOneTheDoctorAndTheOldDefaultUse() {
    // AppDirectories (doctor's --data-dir default, the default before this class) must agree,
    // or doctor would check a different folder from the one the app writes.
    for (String os : new String[] {"Linux", "Windows 11", "Mac OS X"}) {
      var env = Map.of("XDG_DATA_HOME", "/data", "LOCALAPPDATA", "/local");
      assertThat(UserDirectories.of(env, os, "/home/op").data())
          .as(os)
          .isEqualTo(com.cityops.app.cache.AppDirectories.dataDir(env, os, "/home/op"));
    }
  }
}
