package com.cityops.sim.http;

import com.cityops.api.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/**
 * The demo accounts: {@code viewer}, {@code operator}, {@code supervisor}, {@code wall}, each with
 * the role of the same name, for the whole city; {@code putuo}, an operator whose jurisdiction is
 * 普陀区 (310107). The password is the name unless the server was given another.
 */
final class Users {
  private static final Map<String, Role> ROLES =
      Map.of(
          "viewer",
          Role.VIEWER,
          "operator",
          Role.OPERATOR,
          "supervisor",
          Role.SUPERVISOR,
          "putuo",
          Role.OPERATOR,
          "wall",
          Role.WALL);
  private static final Map<String, String> DISPLAY_NAMES =
      Map.of(
          "viewer",
          "观察席",
          "operator",
          "值班员",
          "supervisor",
          "值班长",
          "putuo",
          "普陀区值班员",
          "wall",
          "指挥大厅大屏");

  /** District adcodes of the accounts that do not see the whole city. */
  private static final Map<String, String> JURISDICTIONS = Map.of("putuo", "310107");

  private final Map<String, String> passwords;

  Users(Map<String, String> overrides) {
    for (String name : overrides.keySet()) {
      if (!ROLES.containsKey(name)) {
        throw new IllegalArgumentException(
            "no demo account '" + name + "'; accounts: " + ROLES.keySet());
      }
    }
    this.passwords = overrides;
  }

  /** The user if the password is right (compared in constant time). */
  Optional<User> authenticate(String username, String password) {
    Role role = username == null ? null : ROLES.get(username);
    if (role == null || password == null) {
      return Optional.empty();
    }
    byte[] expected = passwords.getOrDefault(username, username).getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(expected, password.getBytes(StandardCharsets.UTF_8))) {
      return Optional.empty();
    }
    return Optional.of(of(username, role));
  }

  static User of(String username, Role role) {
    return new User(
        username,
        DISPLAY_NAMES.getOrDefault(username, username),
        role,
        JURISDICTIONS.get(username));
  }

  /**
   * A signed-in user.
   *
   * @param jurisdiction the district adcode the user is responsible for, or null for the city
   */
  record User(String username, String displayName, Role role, String jurisdiction) {}
}
