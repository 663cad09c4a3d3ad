package com.cityops.app.feed;

import com.cityops.api.LoginResponse;

/**
 * How the client gets a session the backend accepts: a password, or single sign-on. Blocking (it
 * may wait for the operator in a browser): call it on a worker, never on the FX thread.
 */
public interface SignOn {
  /** Signs in, or reuses and renews a session still held; leaves the token in {@code client}. */
  LoginResponse signIn(BackendClient client);

  /** Forgets every token held for this user, here and where it was issued. */
  void signOut(BackendClient client);

  /** The username and password of the demo accounts or a directory the backend checks. */
  static SignOn password(String username, String password) {
    return new SignOn() {
      @Override
      public LoginResponse signIn(BackendClient client) {
        return client.login(username, password);
      }

      @Override
      public void signOut(BackendClient client) {
        client.forgetSession();
      }
    };
  }
}
