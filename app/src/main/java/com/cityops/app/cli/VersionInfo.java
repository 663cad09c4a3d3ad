package com.cityops.app.cli;

import picocli.CommandLine;

/** The version from the jar manifest ("dev" when run from classes). */
public final class VersionInfo implements CommandLine.IVersionProvider {
  public static String version() {
    String v = VersionInfo.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"CityOps Console " + version()};
  }
}
