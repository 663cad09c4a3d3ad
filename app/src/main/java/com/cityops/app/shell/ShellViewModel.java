package com.cityops.app.shell;

import com.cityops.api.Incident;
import com.cityops.api.IncidentLevel;
import com.cityops.api.IncidentStatus;
import com.cityops.api.Indicator;
import com.cityops.api.IndicatorState;
import com.cityops.api.OperatingMode;
import com.cityops.app.feed.FeedState;
import com.cityops.app.feed.FeedStatus;
import com.cityops.app.i18n.Messages;
import com.cityops.app.outbox.OutboxEntry;
import com.cityops.app.state.CitySummary;
import com.cityops.app.state.Freshness;
import com.cityops.app.state.FreshnessPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the shell shows, as FX properties: the feed badge and data age, the mode, case counts by
 * level and stage, device health, indicators in trouble and the newest open cases. No scene-graph
 * types.
 *
 * <p>FX thread only.
 */
public final class ShellViewModel {
  /** The centre's time zone: the top bar's clock and the watermark. */
  public static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");

  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final Messages messages;
  private final String userText;
  private final ObjectProperty<FeedState> feedState =
      new SimpleObjectProperty<>(FeedState.CONNECTING);
  private final StringProperty feedText = new SimpleStringProperty();
  private final StringProperty ageText = new SimpleStringProperty();
  private final StringProperty clockText = new SimpleStringProperty();
  private final ObjectProperty<OperatingMode> mode =
      new SimpleObjectProperty<>(OperatingMode.NORMAL);
  private final StringProperty modeText = new SimpleStringProperty();
  private final Map<IncidentLevel, IntegerProperty> openByLevel =
      new EnumMap<>(IncidentLevel.class);
  private final Map<IncidentStatus, IntegerProperty> byStatus = new EnumMap<>(IncidentStatus.class);
  private final IntegerProperty open = new SimpleIntegerProperty();
  private final IntegerProperty overdue = new SimpleIntegerProperty();
  private final StringProperty indicatorsText = new SimpleStringProperty();
  private final StringProperty devicesText = new SimpleStringProperty();
  private final IntegerProperty devicesOffline = new SimpleIntegerProperty();
  private final IntegerProperty devicesFault = new SimpleIntegerProperty();
  private final IntegerProperty devicesAlarm = new SimpleIntegerProperty();
  private final StringProperty alertText = new SimpleStringProperty();
  private final StringProperty serverText = new SimpleStringProperty();
  private final StringProperty outboxText = new SimpleStringProperty("");
  private final javafx.beans.property.BooleanProperty outboxRejected =
      new javafx.beans.property.SimpleBooleanProperty();
  private final ObservableList<Incident> queue = FXCollections.observableArrayList();
  private final ObservableList<IndicatorRow> keyIndicators = FXCollections.observableArrayList();
  private final FreshnessPolicy freshness = FreshnessPolicy.DEFAULT;
  private CitySummary lastSummary;
  private Instant lastTick;
  private final javafx.beans.property.BooleanProperty stale =
      new javafx.beans.property.SimpleBooleanProperty();
  private final StringProperty canaryText = new SimpleStringProperty("");
  private Instant lastMessageAt;
  private Instant cachedAt;
  private long appliedVersion = -1;

  public ShellViewModel(Messages messages, String username, String displayName) {
    this.messages = messages;
    this.userText = messages.format("user.label", displayName, username);
    for (IncidentLevel level : IncidentLevel.values()) {
      openByLevel.put(level, new SimpleIntegerProperty());
    }
    for (IncidentStatus status : IncidentStatus.values()) {
      byStatus.put(status, new SimpleIntegerProperty());
    }
    feedText.set(messages.get("feed.connecting"));
    ageText.set(messages.get("feed.age.none"));
    modeText.set(messages.get("mode.normal"));
    alertText.set(messages.get("alert.none"));
  }

  /** Takes a new picture of the city (called by the FX bridge, once per batch of changes). */
  public void apply(CitySummary summary) {
    if (summary.version() == appliedVersion) {
      return;
    }
    appliedVersion = summary.version();
    FeedStatus feed = summary.feed();
    feedState.set(feed.state());
    cachedAt = summary.cachedAt();
    stale.set(cachedAt != null);
    feedText.set(
        messages.get(
            cachedAt != null ? "feed.stale" : "feed." + feed.state().name().toLowerCase()));
    lastMessageAt = summary.lastHeardAt();
    canaryText.set(summary.canaryAlarm() == null ? "" : messages.get("canary.alarm"));
    serverText.set(
        messages.format("feed.server", feed.server())
            + " · "
            + messages.format("feed.seq", summary.seq())
            + (feed.error() == null ? "" : " · " + feed.error()));
    mode.set(summary.mode());
    modeText.set(
        messages.get(summary.mode() == OperatingMode.EMERGENCY ? "mode.emergency" : "mode.normal"));
    openByLevel.forEach((level, p) -> p.set(summary.openByLevel().getOrDefault(level, 0)));
    byStatus.forEach((status, p) -> p.set(summary.byStatus().getOrDefault(status, 0)));
    open.set(summary.open());
    overdue.set(summary.overdue());
    devicesText.set(messages.format("devices.summary", summary.deviceCount()));
    devicesOffline.set(summary.devicesOffline());
    devicesFault.set(summary.devicesFault());
    devicesAlarm.set(summary.devicesInAlarm());
    alertText.set(
        summary.latestAlert() == null
            ? messages.get("alert.none")
            : messages.format("alert.latest", summary.latestAlert().message()));
    replaceIfChanged(queue, summary.newestOpen());
    lastSummary = summary;
    refreshIndicators();
  }

  /**
   * Re-judges the shown indicators' freshness and counts: on new data and on every clock tick, as
   * silence ages data without any message arriving.
   */
  private void refreshIndicators() {
    CitySummary summary = lastSummary;
    if (summary == null) {
      return;
    }
    Instant now = lastTick != null ? lastTick : Instant.now();
    List<IndicatorRow> rows = new java.util.ArrayList<>(summary.keyIndicators().size());
    for (Indicator indicator : summary.keyIndicators()) {
      Freshness f = freshness.of(indicator, summary, now);
      rows.add(
          new IndicatorRow(
              indicator, f, f == Freshness.LIVE ? "" : freshnessText(f, indicator, summary, now)));
    }
    long alarms =
        summary.indicatorsInTrouble().stream()
            .filter(i -> i.state() == IndicatorState.ALARM)
            .count();
    String counts =
        messages.format(
            "indicators.summary",
            summary.indicatorCount(),
            alarms,
            summary.indicatorsInTrouble().size() - alarms);
    var ages = summary.indicatorFreshness(freshness, now);
    int delayed = ages.getOrDefault(Freshness.DELAYED, 0);
    int stale = ages.getOrDefault(Freshness.STALE, 0);
    if (delayed + stale > 0) {
      counts += " · " + messages.format("indicators.freshness", delayed, stale);
    }
    indicatorsText.set(counts);
    replaceIfChanged(keyIndicators, rows);
  }

  private String freshnessText(Freshness f, Indicator indicator, CitySummary summary, Instant now) {
    Instant backendNow = summary.backendNow(now);
    String age =
        backendNow == null ? "" : " " + humanDuration(Duration.between(indicator.ts(), backendNow));
    String label =
        summary.cachedAt() != null ? "freshness.cached" : "freshness." + f.name().toLowerCase();
    return messages.get(label) + age;
  }

  /**
   * One indicator as the vital-signs list shows it.
   *
   * @param freshnessText empty while live, else e.g. "延迟 2分钟"
   */
  public record IndicatorRow(Indicator indicator, Freshness freshness, String freshnessText) {}

  /** Advances the clock and the data age; called once a second. */
  public void tick(Instant now) {
    clockText.set(CLOCK.format(now.atZone(CITY_ZONE)));
    lastTick = now;
    refreshIndicators();
    if (cachedAt != null) {
      ageText.set(
          messages.format("feed.age.cached", humanDuration(Duration.between(cachedAt, now))));
      return;
    }
    if (lastMessageAt == null) {
      ageText.set(messages.get("feed.age.none"));
      return;
    }
    ageText.set(messages.format("feed.age", humanDuration(Duration.between(lastMessageAt, now))));
  }

  private String humanDuration(Duration d) {
    long s = Math.max(0, d.toSeconds());
    if (s < 120) {
      return messages.format("duration.seconds", s);
    }
    if (s < 7200) {
      return messages.format("duration.minutes", s / 60);
    }
    return messages.format("duration.hours", s / 3600);
  }

  private static <T> void replaceIfChanged(ObservableList<T> target, List<T> next) {
    if (!target.equals(next)) {
      target.setAll(next);
    }
  }

  public Messages messages() {
    return messages;
  }

  public String userText() {
    return userText;
  }

  public ReadOnlyObjectProperty<FeedState> feedStateProperty() {
    return feedState;
  }

  /** True while the screen shows the offline cache instead of live data. */
  public javafx.beans.property.ReadOnlyBooleanProperty staleProperty() {
    return stale;
  }

  /** Empty while the end-to-end test signal arrives on time; the alarm text otherwise. */
  public ReadOnlyStringProperty canaryTextProperty() {
    return canaryText;
  }

  public ReadOnlyStringProperty feedTextProperty() {
    return feedText;
  }

  public ReadOnlyStringProperty ageTextProperty() {
    return ageText;
  }

  public ReadOnlyStringProperty clockTextProperty() {
    return clockText;
  }

  public ReadOnlyObjectProperty<OperatingMode> modeProperty() {
    return mode;
  }

  public ReadOnlyStringProperty modeTextProperty() {
    return modeText;
  }

  public ReadOnlyIntegerProperty openProperty(IncidentLevel level) {
    return openByLevel.get(level);
  }

  public ReadOnlyIntegerProperty statusCountProperty(IncidentStatus status) {
    return byStatus.get(status);
  }

  public ReadOnlyIntegerProperty openProperty() {
    return open;
  }

  public ReadOnlyIntegerProperty overdueProperty() {
    return overdue;
  }

  public ReadOnlyStringProperty indicatorsTextProperty() {
    return indicatorsText;
  }

  public ReadOnlyStringProperty devicesTextProperty() {
    return devicesText;
  }

  public ReadOnlyIntegerProperty devicesOfflineProperty() {
    return devicesOffline;
  }

  public ReadOnlyIntegerProperty devicesFaultProperty() {
    return devicesFault;
  }

  public ReadOnlyIntegerProperty devicesAlarmProperty() {
    return devicesAlarm;
  }

  public ReadOnlyStringProperty alertTextProperty() {
    return alertText;
  }

  /**
   * Shows the operator's own actions: how many wait for the backend's confirmation, and the newest
   * refusal with the server's reason (refused actions are never retried blindly).
   */
  public void applyOutbox(List<OutboxEntry> entries) {
    long pending = entries.stream().filter(e -> e.state() == OutboxEntry.State.PENDING).count();
    OutboxEntry refused =
        entries.stream()
            .filter(e -> e.state() == OutboxEntry.State.REJECTED)
            .reduce((a, b) -> b)
            .orElse(null);
    String text = pending == 0 ? "" : messages.format("outbox.pending", pending);
    if (refused != null) {
      text +=
          (text.isEmpty() ? "" : " · ")
              + messages.format(
                  "outbox.rejected",
                  messages.get("action." + refused.action().type().name().toLowerCase()),
                  refused.reason());
    }
    outboxText.set(text);
    outboxRejected.set(refused != null);
  }

  public ReadOnlyStringProperty outboxTextProperty() {
    return outboxText;
  }

  public javafx.beans.property.ReadOnlyBooleanProperty outboxRejectedProperty() {
    return outboxRejected;
  }

  public ReadOnlyStringProperty serverTextProperty() {
    return serverText;
  }

  public ObservableList<Incident> queue() {
    return queue;
  }

  /** Indicators in alarm or warning first, then the city-wide key indicators (关键体征). */
  public ObservableList<IndicatorRow> keyIndicators() {
    return keyIndicators;
  }
}
