package com.cityops.map;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Real data files shipped for tests (see {@code src/test/resources/fixtures/README.md}). */
public final class MapFixtures {
  private MapFixtures() {}

  public static Path fixture(String name) {
    try {
      return Path.of(MapFixtures.class.getResource("/fixtures/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("missing test fixture " + name, e);
    }
  }
}
