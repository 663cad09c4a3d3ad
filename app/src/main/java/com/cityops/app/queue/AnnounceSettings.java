package com.cityops.app.queue;

import com.cityops.api.IncidentLevel;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * How major cases announce themselves, per operator: a tone per grade (on or off, which tone), how
 * often an unacknowledged announcement repeats, and a mute switch over all of it. Only Ⅰ and Ⅱ
 * announce; the map holds exactly those two.
 */
public record AnnounceSettings(
    boolean muted, Map<IncidentLevel, GradeSound> grades, long repeatSeconds) {
  /** The tone of one grade. */
  public record GradeSound(boolean enabled, Tone tone) {}

  public static final AnnounceSettings DEFAULT =
      new AnnounceSettings(
          false,
          Map.of(
              IncidentLevel.I, new GradeSound(true, Tone.ALARM),
              IncidentLevel.II, new GradeSound(true, Tone.SIREN)),
          10);

  public AnnounceSettings {
    Map<IncidentLevel, GradeSound> complete = new EnumMap<>(IncidentLevel.class);
    complete.put(IncidentLevel.I, new GradeSound(true, Tone.ALARM));
    complete.put(IncidentLevel.II, new GradeSound(true, Tone.SIREN));
    if (grades != null) {
      grades.forEach(
          (level, sound) -> {
            if (announces(level) && sound != null && sound.tone() != null) {
              complete.put(level, sound);
            }
          });
    }
    grades = Map.copyOf(complete);
    if (repeatSeconds < 3 || repeatSeconds > 600) {
      repeatSeconds = 10;
    }
  }

  /** Whether cases of this grade announce themselves at all. */
  public static boolean announces(IncidentLevel level) {
    return level == IncidentLevel.I || level == IncidentLevel.II;
  }

  public Duration repeatEvery() {
    return Duration.ofSeconds(repeatSeconds);
  }

  public GradeSound sound(IncidentLevel level) {
    return grades.get(level);
  }

  public AnnounceSettings withMuted(boolean value) {
    return new AnnounceSettings(value, grades, repeatSeconds);
  }

  public AnnounceSettings withSound(IncidentLevel level, GradeSound sound) {
    Map<IncidentLevel, GradeSound> changed = new EnumMap<>(grades);
    changed.put(level, sound);
    return new AnnounceSettings(muted, changed, repeatSeconds);
  }
}
