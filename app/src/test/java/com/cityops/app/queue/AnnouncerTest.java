package com.cityops.app.queue;

import static com.cityops.app.queue.Cases.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.cityops.api.IncidentLevel;
import com.cityops.api.IncidentStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The repeat-until-acknowledged logic, with a recording sink and the test's own clock. */
class AnnouncerTest {
  /** Records what would have sounded. */
  private static final class RecordingSink implements ToneSink {
    final List<Tone> played = new ArrayList<>();

    @Override
    public void play(Tone tone) {
      played.add(tone);
    }
  }

  private final RecordingSink sink = new RecordingSink();
  private final Announcer announcer = new Announcer(sink, AnnounceSettings.DEFAULT);

  private void runSeconds(int from, int to) {
    for (int s = from; s <= to; s++) {
      announcer.tick(T0.plusSeconds(s));
    }
  }

  @Test
  void soundsAtOnceThenRepeatsUntilAcknowledged() {
    announcer.announce(Cases.of("a", IncidentLevel.II, IncidentStatus.DISCOVERED, T0), T0);
    runSeconds(0, 25); // repeats every 10 s: at 0, 10, 20
    assertThat(sink.played).containsExactly(Tone.SIREN, Tone.SIREN, Tone.SIREN);
    announcer.acknowledge("a");
    runSeconds(26, 60);
    assertThat(sink.played).hasSize(3);
    assertThat(announcer.shown()).isNull();
  }

  @Test
  void theMostSevereWaitingCaseDecidesTheToneAndTheBanner() {
    announcer.announce(Cases.of("b", IncidentLevel.II, IncidentStatus.DISCOVERED, T0), T0);
    announcer.announce(Cases.of("a", IncidentLevel.I, IncidentStatus.DISCOVERED, T0), T0);
    announcer.tick(T0);
    assertThat(sink.played).containsExactly(Tone.ALARM);
    assertThat(announcer.shown().id()).isEqualTo("a");
    assertThat(announcer.waitingCount()).isEqualTo(2);
    announcer.acknowledge("a");
    runSeconds(1, 10);
    assertThat(sink.played).containsExactly(Tone.ALARM, Tone.SIREN);
    assertThat(announcer.shown().id()).isEqualTo("b");
  }

  @Test
  void aNewMajorCaseIsHeardAtOnceNotAtTheNextRepeat() {
    announcer.announce(Cases.of("a", IncidentLevel.II, IncidentStatus.DISCOVERED, T0), T0);
    announcer.tick(T0);
    Instant later = T0.plusSeconds(3);
    announcer.announce(Cases.of("b", IncidentLevel.I, IncidentStatus.DISCOVERED, later), later);
    announcer.tick(later);
    assertThat(sink.played).containsExactly(Tone.SIREN, Tone.ALARM);
  }

  @Test
  void muteSilencesButKeepsTheCasesWaitingAndUnmuteResumes() {
    announcer.announce(Cases.of("a", IncidentLevel.I, IncidentStatus.DISCOVERED, T0), T0);
    announcer.setSettings(AnnounceSettings.DEFAULT.withMuted(true), T0);
    runSeconds(0, 30);
    assertThat(sink.played).isEmpty();
    assertThat(announcer.shown()).isNotNull();
    announcer.setSettings(AnnounceSettings.DEFAULT, T0.plusSeconds(31));
    announcer.tick(T0.plusSeconds(31));
    assertThat(sink.played).containsExactly(Tone.ALARM);
  }

  @Test
  void aGradeWithItsToneOffIsShownButNotHeard() {
    announcer.setSettings(
        AnnounceSettings.DEFAULT.withSound(
            IncidentLevel.II, new AnnounceSettings.GradeSound(false, Tone.CHIME)),
        T0);
    announcer.announce(Cases.of("a", IncidentLevel.II, IncidentStatus.DISCOVERED, T0), T0);
    runSeconds(0, 30);
    assertThat(sink.played).isEmpty();
    assertThat(announcer.shown().id()).isEqualTo("a");
  }

  @Test
  void theChosenToneIsPlayed() {
    announcer.setSettings(
        AnnounceSettings.DEFAULT.withSound(
            IncidentLevel.I, new AnnounceSettings.GradeSound(true, Tone.CHIME)),
        T0);
    announcer.announce(Cases.of("a", IncidentLevel.I, IncidentStatus.DISCOVERED, T0), T0);
    announcer.tick(T0);
    assertThat(sink.played).containsExactly(Tone.CHIME);
  }

  @Test
  void lowerGradesDoNotAnnounce() {
    announcer.announce(Cases.of("a", IncidentLevel.III, IncidentStatus.DISCOVERED, T0), T0);
    runSeconds(0, 5);
    assertThat(sink.played).isEmpty();
    assertThat(announcer.shown()).isNull();
  }

  @Test
  void acknowledgeAllStopsTheRepeats() {
    announcer.announce(Cases.of("a", IncidentLevel.I, IncidentStatus.DISCOVERED, T0), T0);
    announcer.announce(Cases.of("b", IncidentLevel.II, IncidentStatus.DISCOVERED, T0), T0);
    announcer.tick(T0);
    announcer.acknowledgeAll();
    runSeconds(1, 40);
    assertThat(sink.played).hasSize(1);
  }
}
