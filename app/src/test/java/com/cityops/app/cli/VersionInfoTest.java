package com.cityops.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VersionInfoTest {

  @Test
  void printsTheVersionAndTheCommitItWasBuiltFrom() {
    Properties build = new Properties();
    build.setProperty("version", "0.1.0");
    build.setProperty("commit", "3ad0af9129b878a2e07ab5ecd163f5af478ee38a");
    var info = VersionInfo.Build.of(build, null);
    assertThat(info.lines())
        .startsWith("CityOps Console 0.1.0", "commit 3ad0af9129b878a2e07ab5ecd163f5af478ee38a");
    assertThat(info.lines()[2]).startsWith("Java ").contains(System.getProperty("os.arch"));
    assertThat(info.shortCommit()).isEqualTo("3ad0af9129");
  }

  @ParameterizedTest
  @ValueSource(strings = {"unknown", "${buildNumber}", "", "not a hash"})
  void aBuildWithoutGitSaysUnknown(String commit) {
    Properties build = new Properties();
    build.setProperty("commit", commit);
    var info = VersionInfo.Build.of(build, "0.1.0");
    assertThat(info.commit()).isEqualTo("unknown");
    assertThat(info.lines()[1]).isEqualTo("commit unknown");
    assertThat(info.shortCommit()).isEqualTo("unknown");
  }

  @Test
  void theManifestVersionWinsAndUnfilteredPropertiesSayDev() {
    Properties unfiltered = new Properties();
    unfiltered.setProperty("version", "${project.version}");
    assertThat(VersionInfo.Build.of(unfiltered, null).version()).isEqualTo("dev");
    assertThat(VersionInfo.Build.of(unfiltered, "0.2.0").version()).isEqualTo("0.2.0");
  }

  @Test
  void theBuildFilledInTheCommitOfThisCheckout() {
    // Maven's process-resources wrote build-info.properties into target/classes; in a git
    // checkout (this repository, CI's clone) it holds a real commit.
    assertThat(VersionInfo.commit()).matches("[0-9a-f]{40}|unknown");
    assertThat(new VersionInfo().getVersion()[0]).startsWith("CityOps Console ");
  }
}
