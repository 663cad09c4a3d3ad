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
import com.cityops.app.outbox.OutboxEntry;
import com.cityops.app.state.CityState;
import com.cityops.app.state.Freshness;
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

  @Test
  void marksIndicatorsDelayedThenStaleAsTheBackendFallsSilent() {
    CityState state = stateWithTwoOpenCases();
    state.replaceAll(
        new Snapshot(
            41,
            T0,
            OperatingMode.NORMAL,
            List.of(),
            List.of(Fixtures.indicator("rain", T0)),
            List.of(),
            List.of()));
    ShellViewModel model = new ShellViewModel(Messages.forLanguage("zh-CN"), "operator", "值班员");
    model.apply(state.summary());
    model.tick(T0.plusSeconds(5));
    assertThat(model.keyIndicators())
        .singleElement()
        .extracting(r -> r.freshness())
        .isEqualTo(Freshness.LIVE);
    model.tick(T0.plusSeconds(90));
    assertThat(model.keyIndicators().get(0).freshness()).isEqualTo(Freshness.DELAYED);
    assertThat(model.keyIndicators().get(0).freshnessText()).isEqualTo("◇ 延迟 90秒");
    assertThat(model.indicatorsTextProperty().get()).contains("◇ 延迟 1");
    model.tick(T0.plusSeconds(600));
    assertThat(model.keyIndicators().get(0).freshness()).isEqualTo(Freshness.STALE);
  }

  @Test
  void showsPendingActionsAndTheServersReasonForARefusal() {
    ShellViewModel model = new ShellViewModel(Messages.forLanguage("zh-CN"), "operator", "值班员");
    var action = com.cityops.api.IncidentAction.of(com.cityops.api.ActionType.FEEDBACK, "处置完毕");
    model.applyOutbox(
        List.of(
            new OutboxEntry("k1", "a", action, T0, OutboxEntry.State.PENDING, 2, "offline"),
            new OutboxEntry("k2", "b", action, T0, OutboxEntry.State.REJECTED, 1, "案件已结案，不能反馈")));
    assertThat(model.outboxTextProperty().get()).isEqualTo("待确认操作 1 项 · 被拒绝的反馈：案件已结案，不能反馈");
    assertThat(model.outboxRejectedProperty().get()).isTrue();
  }
}
