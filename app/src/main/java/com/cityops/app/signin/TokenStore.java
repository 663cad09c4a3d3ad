package com.cityops.app.signin;

import java.util.Optional;

/**
 * Where single sign-on tokens are kept between runs: the OS keychain where there is one, else a
 * file encrypted at rest ({@link EncryptedFileTokenStore}). Blocking I/O: call off the FX thread.
 */
public interface TokenStore {
  Optional<SsoTokens> load(String key);

  void save(String key, SsoTokens tokens);

  /** Removes what is held under {@code key}; nothing held is fine. */
  void clear(String key);
}
