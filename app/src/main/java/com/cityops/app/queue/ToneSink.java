package com.cityops.app.queue;

/**
 * Where alert tones go: the sound card in the app ({@link JavaSoundSink}), a recorder in tests.
 * {@link #play} must return at once (the caller is the FX thread).
 */
public interface ToneSink extends AutoCloseable {
  void play(Tone tone);

  @Override
  default void close() {}
}
