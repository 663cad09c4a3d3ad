package com.cityops.app.state;

import com.cityops.api.LoginResponse;
import com.cityops.api.Role;

/** Who is signed in at this seat, as the backend answered the sign-in (never the token). */
public record SignedInUser(String username, String displayName, Role role) {

  public static SignedInUser of(LoginResponse response) {
    return new SignedInUser(response.username(), response.displayName(), response.role());
  }
}
