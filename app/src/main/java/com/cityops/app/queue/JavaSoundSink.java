package com.cityops.app.queue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays tones on the sound card with {@code javax.sound.sampled} (the build has no JavaFX media),
 * generated as sine beeps with soft edges, on its own thread ({@code cityops-tone}). A machine
 * without an audio device (a server, CI, Xvfb) is told once in the log and then stays silent; the
 * banner still shows every announcement. At most one tone waits behind the one playing, so a burst
 * does not queue minutes of sound.
 *
 * <p>Thread-safe; {@link #play} never blocks.
 */
final class JavaSoundSink implements ToneSink {
  private static final Logger LOG = LoggerFactory.getLogger(JavaSoundSink.class);
  private static final float RATE = 44_100f;

  private final ExecutorService thread =
      new ThreadPoolExecutor(
          1,
          1,
          0,
          TimeUnit.MILLISECONDS,
          new LinkedBlockingQueue<>(1),
          com.cityops.app.platform.DaemonThreads.named("cityops-tone"),
          new ThreadPoolExecutor.DiscardPolicy());
  private volatile boolean unavailable;

  @Override
  public void play(Tone tone) {
    if (!unavailable) {
      thread.execute(() -> sound(tone));
    }
  }

  private void sound(Tone tone) {
    if (unavailable) {
      return;
    }
    AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
    try (SourceDataLine line = AudioSystem.getSourceDataLine(format)) {
      line.open(format);
      line.start();
      byte[] pcm = pcm(tone);
      line.write(pcm, 0, pcm.length);
      line.drain();
    } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
      unavailable = true;
      LOG.warn(
          "no audio output ({}); major-case announcements are shown in the banner only",
          e.getMessage());
    }
  }

  /** The tone as 16-bit little-endian mono samples. */
  static byte[] pcm(Tone tone) {
    int beep = (int) (RATE * tone.beepMillis() / 1000);
    int gap = (int) (RATE * tone.gapMillis() / 1000);
    int edge = (int) (RATE * 0.008); // 8 ms fade in and out: no clicks
    byte[] out = new byte[(beep + gap) * tone.beeps() * 2];
    int k = 0;
    for (int b = 0; b < tone.beeps(); b++) {
      // A siren alternates pitch between beeps; the others repeat the same pitch.
      double hz = tone == Tone.SIREN && b % 2 == 1 ? tone.hertz() * 0.75 : tone.hertz();
      for (int s = 0; s < beep; s++) {
        double envelope = Math.min(1, Math.min(s, beep - s) / (double) edge);
        short v =
            (short) (Math.sin(2 * Math.PI * hz * s / RATE) * envelope * 0.5 * Short.MAX_VALUE);
        out[k++] = (byte) v;
        out[k++] = (byte) (v >> 8);
      }
      k += gap * 2;
    }
    return out;
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
