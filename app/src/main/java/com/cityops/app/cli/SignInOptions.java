package com.cityops.app.cli;

import picocli.CommandLine.Option;

/** Who signs in: shared by the app and {@code doctor}. */
public final class SignInOptions {
  @Option(names = "--user", description = "User to sign in as. Default: ${DEFAULT-VALUE}")
  String user = "operator";

  @Option(
      names = "--password",
      description =
          "Password; default: the CITYOPS_PASSWORD environment variable, else the user name (the demo accounts).")
  String password;

  public String user() {
    return user;
  }

  /** The option, then the environment, then the user name (the reference backend's demo rule). */
  public String password() {
    if (password != null) {
      return password;
    }
    String env = System.getenv("CITYOPS_PASSWORD");
    return env != null ? env : user;
  }
}
