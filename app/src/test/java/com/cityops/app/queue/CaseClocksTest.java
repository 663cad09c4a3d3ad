package com.cityops.app.queue;

import static com.cityops.app.queue.Cases.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.cityops.api.Incident;
import com.cityops.api.IncidentLevel;
import com.cityops.api.IncidentSource;
import com.cityops.api.IncidentStatus;
import com.cityops.api.ResponsibleLevel;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CaseClocksTest {
  private final CaseClocks clocks = CaseClocks.defaults();

  @ParameterizedTest
  @CsvSource({
    "DISCOVERED, RESPOND",
    "REGISTERED, DISPATCH",
    "DISPATCHED, HANDLE",
    "HANDLING, HANDLE",
  })
  void runsTheClockOfTheStage(IncidentStatus status, RunningClock.Kind kind) {
    assertThat(clocks.running(Cases.of("a", IncidentLevel.II, status, T0)).kind()).isEqualTo(kind);
  }

  @ParameterizedTest
  @CsvSource({"FEEDBACK", "VERIFYING", "CLOSED"})
  void runsNoClockOnceHandled(IncidentStatus status) {
    assertThat(clocks.running(Cases.of("a", IncidentLevel.II, status, T0))).isNull();
  }

  @Test
  void respondsWithinTheGradesSeconds() {
    RunningClock c = clocks.running(Cases.of("a", IncidentLevel.I, IncidentStatus.DISCOVERED, T0));
    assertThat(c.deadline()).isEqualTo(T0.plusSeconds(30));
    assertThat(c.urgency(T0.plusSeconds(10))).isEqualTo(RunningClock.Urgency.CALM);
    assertThat(c.urgency(T0.plusSeconds(23))).isEqualTo(RunningClock.Urgency.AMBER);
    assertThat(c.urgency(T0.plusSeconds(30))).isEqualTo(RunningClock.Urgency.RUN_OUT);
    assertThat(c.remaining(T0.plusSeconds(12))).isEqualTo(Duration.ofSeconds(18));
  }

  @Test
  void takesTheBackendsDeadlinesWhereItSetsThem() {
    Incident registered =
        Cases.of(
            "a",
            IncidentLevel.III,
            IncidentStatus.REGISTERED,
            T0,
            T0.plusSeconds(600),
            T0.plusSeconds(7200),
            "道路积水",
            IncidentSource.GRID_PATROL,
            "310107");
    assertThat(clocks.running(registered).deadline()).isEqualTo(T0.plusSeconds(600));
    Incident noDeadline = Cases.of("b", IncidentLevel.III, IncidentStatus.REGISTERED, T0);
    assertThat(clocks.running(noDeadline).deadline()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
  }

  @Test
  void handleClockStartsAtTheDispatch() {
    Incident handling = Cases.of("a", IncidentLevel.IV, IncidentStatus.HANDLING, T0);
    RunningClock c = clocks.running(handling);
    Instant dispatched = T0.plusSeconds(120); // Cases puts 派单 two minutes after the report
    assertThat(c.start()).isEqualTo(dispatched);
    assertThat(c.deadline()).isEqualTo(dispatched.plus(Duration.ofHours(72)));
  }

  @Test
  void aRunOutClockMakesTheCaseOverdueAndEscalatesItOneTier() {
    Incident street = Cases.of("a", IncidentLevel.IV, IncidentStatus.DISCOVERED, T0);
    Instant before = T0.plusSeconds(60);
    Instant after = T0.plus(Duration.ofMinutes(5));
    assertThat(clocks.overdue(street, before)).isFalse();
    assertThat(clocks.tier(street, before)).isEqualTo(ResponsibleLevel.STREET);
    assertThat(clocks.overdue(street, after)).isTrue();
    assertThat(clocks.tier(street, after)).isEqualTo(ResponsibleLevel.DEPARTMENT);
    assertThat(clocks.escalated(street, after)).isTrue();

    Incident city = Cases.of("b", IncidentLevel.I, IncidentStatus.DISCOVERED, T0);
    assertThat(clocks.tier(city, after)).isEqualTo(ResponsibleLevel.CITY);
    assertThat(clocks.escalated(city, after)).isFalse(); // nothing above the city centre
  }

  @Test
  void theBackendsOverdueFlagCountsEvenWithoutAClock() {
    Incident feedback =
        Cases.of("a", IncidentLevel.III, IncidentStatus.FEEDBACK, T0).withOverdue(true, 2);
    assertThat(clocks.overdue(feedback, T0)).isTrue();
  }

  @Test
  void defaultsTightenWithTheGrade() {
    for (RunningClock.Kind kind : RunningClock.Kind.values()) {
      for (IncidentLevel level :
          new IncidentLevel[] {IncidentLevel.I, IncidentLevel.II, IncidentLevel.III}) {
        IncidentLevel lower = IncidentLevel.values()[level.ordinal() + 1];
        assertThat(clocks.limits(level).of(kind)).isLessThan(clocks.limits(lower).of(kind));
      }
    }
  }

  @Test
  void formatsTheCountdown() {
    assertThat(QueueCells.countdown(Duration.ofSeconds(42))).isEqualTo("00:42");
    assertThat(QueueCells.countdown(Duration.ofMinutes(65))).isEqualTo("1:05:00");
    assertThat(QueueCells.countdown(Duration.ofHours(74))).isEqualTo("3d 02:00:00");
  }
}
