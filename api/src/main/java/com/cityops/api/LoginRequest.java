package com.cityops.api;

/** Body of {@code POST /auth/login}. */
public record LoginRequest(String username, @PersonalData String password) {

  @Override
  public String toString() {
    return "LoginRequest[username=" + username + ", password=***]";
  }
}
