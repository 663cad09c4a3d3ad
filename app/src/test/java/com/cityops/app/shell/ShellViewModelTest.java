package com.cityops.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.cityops.api.IncidentLevel;
import com.cityops.api.IncidentStatus;
import com.cityops.api.OperatingMode;
import com.cityops.api.Snapshot;
import com.cityops.app.Fixtures;
import com.cityops.app.feed.FeedState;
import com.cityops.app.feed.FeedStatus;
import com.cityops.app.i18n.Messages;
import com.cityops.app.state.CityState;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The view model without a scene or the toolkit: FX properties work on any thread. */
class ShellViewModelTest {
  static final Instant T0 = Instant.parse("2026-11-22T02:00:00Z");

  private static CityState stateWithTwoOpenCases() {
    CityState state = new CityState();
    state.replaceAll(
        new Snapshot(
            41,
            T0,
            OperatingMode.EMERGENCY,
            List.of(
                Fixtures.incident("a", 1, IncidentStatus.HANDLING, IncidentLevel.II),
                Fixtures.incident("b", 1, IncidentStatus.DISCOVERED, IncidentLevel.IV)),
            List.of(),
            List.of(),
            List.of()));
    state.setFeedStatus(new FeedStatus(FeedState.LIVE, T0, "http://127.0.0.1:8787/", null));
    state.heard(T0);
    return state;
  }

  @Test
  void showsFeedStateModeAndCountsInChinese() {
    ShellViewModel model = new ShellViewModel(Messages.forLanguage("zh-CN"), "operator", "值班员");
    model.apply(stateWithTwoOpenCases().summary());
    model.tick(T0.plusSeconds(7));
    assertThat(model.feedTextProperty().get()).isEqualTo("实时");
    assertThat(model.modeTextProperty().get()).isEqualTo("战时");
    assertThat(model.openProperty(IncidentLevel.II).get()).isEqualTo(1);
    assertThat(model.openProperty().get()).isEqualTo(2);
    assertThat(model.queue()).hasSize(2);
    assertThat(model.ageTextProperty().get()).isEqualTo("数据 7秒前");
    assertThat(model.serverTextProperty().get()).contains("序号 41");
    assertThat(model.clockTextProperty().get()).isEqualTo("2026-11-22 10:00:07");
  }

  @Test
  void speaksEnglishWhenAsked() {
    ShellViewModel model =
        new ShellViewModel(Messages.forLanguage("en"), "operator", "Duty operator");
    model.apply(stateWithTwoOpenCases().summary());
    model.tick(T0.plusSeconds(300));
    assertThat(model.feedTextProperty().get()).isEqualTo("Live");
    assertThat(model.ageTextProperty().get()).isEqualTo("data 5 min old");
  }

  @Test
  void aMissingTextShowsItsKeyInsteadOfFailing() {
    assertThat(Messages.forLanguage("zh-CN").get("no.such.key")).isEqualTo("⟦no.such.key⟧");
  }

  @Test
  void printsWholeNumbersWithoutADecimalPoint() {
    assertThat(ShellView.plain(18.0)).isEqualTo("18");
    assertThat(ShellView.plain(0.383)).isEqualTo("0.383");
    assertThat(ShellView.plain(99.77)).isEqualTo("99.77");
  }
}
