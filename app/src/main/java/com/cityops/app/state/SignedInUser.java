package com.cityops.app.state;

import com.cityops.api.LoginResponse;
import com.cityops.api.Role;

/**
 * Who is signed in at this seat, as the backend answered the sign-in (never the token).
 *
 * @param jurisdiction the district adcode the user may see, or null for the whole city
 */
public record SignedInUser(String username, String displayName, Role role, String jurisdiction) {

  /** A user for the whole city. */
  public SignedInUser(String username, String displayName, Role role) {
    this(username, displayName, role, null);
  }

  public static SignedInUser of(LoginResponse response) {
    return new SignedInUser(
        response.username(), response.displayName(), response.role(), response.jurisdiction());
  }
}
