package com.cityops.sim.world;

import com.cityops.api.ActionResult;
import com.cityops.api.Alert;
import com.cityops.api.AlertKind;
import com.cityops.api.Device;
import com.cityops.api.DeviceType;
import com.cityops.api.GeoJsonFeatureCollection;
import com.cityops.api.Incident;
import com.cityops.api.IncidentAction;
import com.cityops.api.IncidentLevel;
import com.cityops.api.IncidentSource;
import com.cityops.api.Indicator;
import com.cityops.api.IndicatorHistory;
import com.cityops.api.IndicatorUpdate;
import com.cityops.api.Json;
import com.cityops.api.LayerInfo;
import com.cityops.api.OperatingMode;
import com.cityops.api.ProblemType;
import com.cityops.api.Role;
import com.cityops.api.Snapshot;
import com.cityops.api.StreamEnvelope;
import com.cityops.api.StreamEventType;
import com.cityops.sim.SimConfig;
import com.cityops.sim.geo.CityGeography;
import com.cityops.sim.geo.GeoPoint;
import com.cityops.sim.stream.EventJournal;
import com.cityops.sim.stream.EventJournal.PendingEvent;
import com.cityops.sim.stream.JournalEntry;
import com.cityops.sim.stream.StreamHub;
import com.cityops.sim.stream.StreamSink;
import com.cityops.sim.world.IdempotencyStore.StoredAnswer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.locationtech.jts.geom.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated city and the single source of its truth: incidents, devices, indicators, the mode,
 * and the journal every change goes through. All reads and writes happen under one lock, and every
 * change is journaled (and so numbered) before anyone can see it, which is what makes a snapshot at
 * seq N plus the stream after N exactly the state — no gap, no duplicate.
 *
 * <p>Thread-safe.
 */
public final class CityWorld implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CityWorld.class);

  /** The default focus district: 普陀区. */
  public static final String FOCUS_DISTRICT = "310107";

  private static final Duration STEP = Duration.ofSeconds(1);
  private static final Duration KEEP_CLOSED = Duration.ofHours(6);
  private static final Duration WARM_UP = Duration.ofHours(3);

  private final Object lock = new Object();
  private final SimConfig config;
  private final CityGeography geography;
  private final DeviceFleet fleet;
  private final IndicatorBoard indicators;
  private final IncidentFactory factory;
  private final CaseWorkflow workflow;
  private final EventJournal journal;
  private final StreamHub hub;
  private final IdempotencyStore idempotency;
  private final Map<String, Incident> incidents = new LinkedHashMap<>();
  private final Map<String, com.cityops.api.WallScene> wallScenes = new LinkedHashMap<>();
  private final SplittableRandom rnd;
  private Instant cursor;
  private Scenario scenario;
  private Instant scenarioStart;
  private OperatingMode mode = OperatingMode.NORMAL;
  private boolean majorFloodRaised;
  private long canaries;

  private CityWorld(SimConfig config, Instant now) {
    this.config = config;
    this.geography = CityGeography.shanghai(config.seed());
    this.fleet =
        new DeviceFleet(
            geography,
            DeviceFleet.defaultCounts(),
            new DeviceFleet.DeviceRates(
                config.deviceOfflinePerDay(),
                config.deviceFaultPerDay(),
                config.falseAlarmPerDay()),
            config.seed(),
            now);
    this.indicators = new IndicatorBoard(geography, config.seed(), now);
    this.factory = new IncidentFactory(geography, FOCUS_DISTRICT);
    this.workflow = new CaseWorkflow(geography::communityOfGrid);
    this.hub = new StreamHub(100_000);
    if (config.dataDir() == null) {
      journal = EventJournal.inMemory(config.journalMemory(), Masking::mask);
      idempotency = IdempotencyStore.inMemory();
    } else {
      journal =
          EventJournal.open(config.dataDir(), config.journalMemory(), Masking::mask, this::replay);
      idempotency = IdempotencyStore.open(config.dataDir());
    }
    this.rnd = new SplittableRandom(config.seed() ^ journal.headSeq() * 0x9E3779B97F4A7C15L);
    this.scenario = config.scenario();
    this.cursor = journal.lastTimestamp().orElse(now);
    this.scenarioStart = cursor;
  }

  /**
   * Builds the city. With a data directory that holds a journal, the state is rebuilt from it and
   * the city clock continues where it stopped; otherwise the last three hours are simulated first
   * so the queue is not empty.
   */
  public static CityWorld create(SimConfig config, Instant now) {
    CityWorld world = new CityWorld(config, now);
    if (world.journal.headSeq() == 0) {
      world.warmUp(now);
    } else {
      LOG.info(
          "resumed {} events from {}, city time {}",
          world.journal.headSeq(),
          config.dataDir(),
          world.cursor);
    }
    return world;
  }

  /** The city time the simulation has reached. */
  public Instant cityTime() {
    synchronized (lock) {
      return cursor;
    }
  }

  public long headSeq() {
    synchronized (lock) {
      return journal.headSeq();
    }
  }

  // ---- stepping ---------------------------------------------------------------------------------

  private void warmUp(Instant now) {
    synchronized (lock) {
      Instant t = now.minus(WARM_UP);
      List<PendingEvent> events = new ArrayList<>();
      while (t.isBefore(now)) {
        t = t.plus(Duration.ofSeconds(10));
        spawnIncidents(t, Duration.ofSeconds(10), events);
        advanceCases(t, events);
      }
      cursor = now;
      publish(events);
    }
  }

  /**
   * Runs the simulation up to {@code target} in one-second city steps and publishes what happened.
   */
  public void advanceTo(Instant target) {
    synchronized (lock) {
      List<PendingEvent> events = new ArrayList<>();
      if (Duration.between(cursor, target).compareTo(Duration.ofMinutes(10)) > 0) {
        LOG.warn(
            "simulation fell {} behind the city clock; skipping ahead",
            Duration.between(cursor, target));
        cursor = target.minus(Duration.ofMinutes(10));
      }
      while (!cursor.plus(STEP).isAfter(target)) {
        cursor = cursor.plus(STEP);
        step(cursor, events);
      }
      publish(events);
    }
  }

  private void step(Instant now, List<PendingEvent> events) {
    long second = now.getEpochSecond();
    double rain = scenario.rainfallMmPerHour(Duration.between(scenarioStart, now));
    spawnIncidents(now, STEP, events);
    if (second % 5 == 0) {
      advanceCases(now, events);
    }
    for (Device d : fleet.step(now, STEP, rain, second % 30 == 0, rnd)) {
      events.add(new PendingEvent(now, StreamEventType.DEVICE_STATUS, d));
      if (d.alarm()) {
        onSensorAlarm(d, now, events);
      }
    }
    for (IndicatorUpdate u : indicators.step(now, rain, incidents.values(), rnd)) {
      events.add(new PendingEvent(now, StreamEventType.INDICATOR_SAMPLE, u));
    }
    if (second % 60 == 0) {
      evictClosed(now);
    }
  }

  private void spawnIncidents(Instant now, Duration dt, List<PendingEvent> events) {
    double hourOfDay =
        now.atZone(IncidentFactory.CITY_ZONE).getHour()
            + now.atZone(IncidentFactory.CITY_ZONE).getMinute() / 60.0;
    // Fewer cases at night: 35% of the daytime rate at 4 am, the full rate from late morning.
    double daily = 0.675 - 0.325 * Math.cos((hourOfDay - 4) / 24 * 2 * Math.PI);
    double perSecond = config.incidentsPerHour() * daily / 3600;
    int n = DeviceFleet.poisson(perSecond * dt.toSeconds(), rnd);
    double rain = scenario.rainfallMmPerHour(Duration.between(scenarioStart, now));
    for (int i = 0; i < n; i++) {
      CaseCategory category = pickCategory(rain);
      Incident incident = factory.create(category, IncidentFactory.level(category, rnd), now, rnd);
      upsert(incident, now, events);
    }
  }

  private CaseCategory pickCategory(double rain) {
    double[] weights = new double[CaseCategory.ALL.size()];
    for (int i = 0; i < weights.length; i++) {
      CaseCategory c = CaseCategory.ALL.get(i);
      boolean stormy = c.name().equals("道路积水") || c.name().equals("树木倒伏");
      weights[i] = c.weight() * (stormy ? 1 + rain / 5 : 1);
    }
    return Weighted.pick(CaseCategory.ALL, weights, rnd);
  }

  private void advanceCases(Instant now, List<PendingEvent> events) {
    for (Incident incident : List.copyOf(incidents.values())) {
      if (!incident.status().isOpen()) {
        continue;
      }
      CaseCategory category = CaseCategory.named(incident.category());
      Incident next =
          workflow
              .autoAdvance(incident, category, now)
              .orElseGet(() -> workflow.withOverdue(incident, now));
      if (next != incident) {
        upsert(next, now, events);
        if (next.overdue() && !incident.overdue() && next.level().code() <= 3) {
          alert(
              AlertKind.OVERDUE,
              next.level(),
              next.code() + " " + next.title() + " 已超时",
              next.id(),
              null,
              null,
              now,
              events);
        }
      }
    }
  }

  private void onSensorAlarm(Device device, Instant now, List<PendingEvent> events) {
    alert(
        AlertKind.SENSOR_ALARM,
        IncidentLevel.IV,
        device.name() + " 告警：" + device.lastReading().value() + device.lastReading().unit(),
        null,
        device.id(),
        null,
        now,
        events);
    if (device.type() != DeviceType.WATER_LEVEL || scenario == Scenario.NORMAL) {
      return;
    }
    GeoPoint at = GeoPoint.of(device.location().lon(), device.location().lat());
    boolean covered =
        incidents.values().stream()
            .anyMatch(
                i -> i.status().isOpen() && i.category().equals("道路积水") && metres(i, at) < 500);
    if (!covered) {
      var place = geography.locate(at.lon(), at.lat()).orElse(null);
      if (place != null) {
        IncidentLevel level =
            device.lastReading().value() >= 0.3 ? IncidentLevel.III : IncidentLevel.IV;
        upsert(
            factory.createAt(
                at, place, CaseCategory.named("道路积水"), level, IncidentSource.IOT_SENSOR, now, rnd),
            now,
            events);
      }
    }
    Device underpass = fleet.lowestWaterSensorIn(FOCUS_DISTRICT);
    if (!majorFloodRaised
        && device.id().equals(underpass.id())
        && device.lastReading().value() >= 0.4) {
      majorFloodRaised = true;
      var place = geography.locate(at.lon(), at.lat()).orElseThrow();
      Incident major =
          factory.createAt(
              at,
              place,
              CaseCategory.named("道路积水"),
              IncidentLevel.II,
              IncidentSource.IOT_SENSOR,
              now,
              rnd);
      upsert(major, now, events);
    }
  }

  private static double metres(Incident incident, GeoPoint p) {
    double dLat = (incident.location().lat() - p.lat()) * 111_320;
    double dLon =
        (incident.location().lon() - p.lon()) * 111_320 * Math.cos(Math.toRadians(p.lat()));
    return Math.hypot(dLat, dLon);
  }

  private void upsert(Incident incident, Instant now, List<PendingEvent> events) {
    Incident before = incidents.put(incident.id(), incident);
    events.add(new PendingEvent(now, StreamEventType.INCIDENT_UPSERT, incident));
    boolean major = incident.level().code() <= 2 || (before != null && before.level().code() <= 2);
    if (major) {
      updateMode();
    }
    boolean becameMajor =
        incident.level().code() <= 2 && (before == null || before.level().code() > 2);
    if (becameMajor && incident.status().isOpen()) {
      alert(
          AlertKind.MAJOR_INCIDENT,
          incident.level(),
          incident.level().roman() + "级事件：" + incident.title(),
          incident.id(),
          null,
          OperatingMode.EMERGENCY,
          now,
          events);
    }
  }

  /** Emergency mode (战时) while a level Ⅰ/Ⅱ case is open, normal (平时) otherwise. */
  private void updateMode() {
    boolean anyMajorOpen =
        incidents.values().stream().anyMatch(i -> i.status().isOpen() && i.level().code() <= 2);
    mode = anyMajorOpen ? OperatingMode.EMERGENCY : OperatingMode.NORMAL;
  }

  private void alert(
      AlertKind kind,
      IncidentLevel level,
      String message,
      String incidentId,
      String deviceId,
      OperatingMode suggestedMode,
      Instant now,
      List<PendingEvent> events) {
    String id =
        "alert-" + now.getEpochSecond() + "-" + Long.toHexString(rnd.nextLong() & 0xffffffL);
    events.add(
        new PendingEvent(
            now,
            StreamEventType.ALERT_RAISED,
            new Alert(id, kind, level, message, incidentId, deviceId, suggestedMode, now)));
  }

  private void evictClosed(Instant now) {
    incidents
        .values()
        .removeIf(
            i ->
                !i.status().isOpen()
                    && i.timeline()
                        .get(i.timeline().size() - 1)
                        .at()
                        .isBefore(now.minus(KEEP_CLOSED)));
  }

  /**
   * Adds {@code count} extra readings (load tests): device readings and indicator samples,
   * alternating.
   */
  public void addLoad(int count) {
    synchronized (lock) {
      List<PendingEvent> events = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        if (i % 2 == 0) {
          events.add(
              new PendingEvent(cursor, StreamEventType.DEVICE_STATUS, fleet.jitter(cursor, rnd)));
        } else {
          events.add(
              new PendingEvent(
                  cursor, StreamEventType.INDICATOR_SAMPLE, indicators.jitter(cursor, rnd)));
        }
      }
      publish(events);
    }
  }

  private void publish(List<PendingEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    List<JournalEntry> entries = journal.append(events);
    hub.publish(entries);
  }

  /** Rebuilds state from one journaled message (at start-up, before anything else runs). */
  private void replay(StreamEnvelope envelope) {
    switch (envelope.type()) {
      case INCIDENT_UPSERT -> {
        Incident incident = (Incident) envelope.payload();
        incidents.put(incident.id(), incident);
        factory.remember(incident);
        if (incident.level().code() <= 2) {
          updateMode();
        }
      }
      case DEVICE_STATUS -> fleet.put((Device) envelope.payload());
      case INDICATOR_SAMPLE -> indicators.apply((IndicatorUpdate) envelope.payload());
      case WALL_SCENE -> {
        com.cityops.api.WallScene scene = (com.cityops.api.WallScene) envelope.payload();
        wallScenes.put(scene.wall(), scene);
      }
      case ALERT_RAISED, HEARTBEAT, CANARY -> {}
    }
  }

  // ---- walls ------------------------------------------------------------------------------------

  /**
   * A wall controller's scene: kept as the wall's newest and journaled like any event, so followers
   * get it on the stream and a follower that was away catches up by seq or by snapshot.
   *
   * @return the journaled message
   */
  public StreamEnvelope publishWallScene(com.cityops.api.WallScene scene) {
    synchronized (lock) {
      wallScenes.put(scene.wall(), scene);
      List<JournalEntry> entries =
          journal.append(List.of(new PendingEvent(cursor, StreamEventType.WALL_SCENE, scene)));
      hub.publish(entries);
      return new StreamEnvelope(entries.get(0).seq(), cursor, StreamEventType.WALL_SCENE, scene);
    }
  }

  // ---- the stream -------------------------------------------------------------------------------

  /** Publishes the end-to-end test signal through the journal and the stream, like any event. */
  public void canary(Instant serverTime, java.time.Duration interval) {
    synchronized (lock) {
      canaries++;
      publish(
          List.of(
              new PendingEvent(
                  cursor,
                  StreamEventType.CANARY,
                  new com.cityops.api.Canary(
                      canaries, serverTime, (int) Math.max(1, interval.toSeconds())))));
    }
  }

  public void heartbeat(Instant serverTime) {
    synchronized (lock) {
      hub.heartbeat(journal.headSeq(), serverTime);
    }
  }

  /**
   * Streams everything after {@code since}, then live.
   *
   * @throws ResumeRefused when the messages after since are no longer kept (or never existed)
   */
  public StreamHub.Subscription subscribe(StreamSink sink, Role role, long since) {
    synchronized (lock) {
      List<JournalEntry> backlog =
          journal
              .after(since)
              .orElseThrow(
                  () -> new ResumeRefused(since, journal.oldestResumableSeq(), journal.headSeq()));
      return hub.subscribe(sink, role.seesPersonalData(), backlog);
    }
  }

  public int streamClients() {
    return hub.clientCount();
  }

  // ---- queries ----------------------------------------------------------------------------------

  public Snapshot snapshot(Role role) {
    synchronized (lock) {
      return new Snapshot(
          journal.headSeq(),
          cursor,
          mode,
          visible(incidents.values().stream().toList(), role),
          indicators.all(),
          List.copyOf(fleet.all().values()),
          geography.layers(),
          List.copyOf(wallScenes.values()));
    }
  }

  public <T> Answer<List<T>> list(Lister<T> lister) {
    synchronized (lock) {
      return new Answer<>(journal.headSeq(), lister.list(this));
    }
  }

  /** Reads done under the world's lock, so a list and its seq agree. */
  public interface Lister<T> {
    List<T> list(CityWorld world);
  }

  /** A value with the seq it is valid at. */
  public record Answer<T>(long seq, T value) {}

  public List<Incident> incidents(Predicate<Incident> filter, Role role) {
    synchronized (lock) {
      return visible(
          incidents.values().stream()
              .filter(filter)
              .sorted(
                  Comparator.comparing(Incident::level)
                      .thenComparing(Incident::reportedAt)
                      .reversed())
              .toList(),
          role);
    }
  }

  public Optional<Incident> incident(String id, Role role) {
    synchronized (lock) {
      return Optional.ofNullable(incidents.get(id))
          .map(i -> role.seesPersonalData() ? i : Masking.mask(i));
    }
  }

  private static List<Incident> visible(List<Incident> list, Role role) {
    return role.seesPersonalData() ? List.copyOf(list) : list.stream().map(Masking::mask).toList();
  }

  public List<Indicator> indicators(Predicate<Indicator> filter) {
    synchronized (lock) {
      return indicators.all().stream().filter(filter).toList();
    }
  }

  public Optional<Indicator> indicator(String id) {
    synchronized (lock) {
      return indicators.get(id);
    }
  }

  public Optional<IndicatorHistory> history(String id, Instant from, Instant to) {
    synchronized (lock) {
      return indicators.history(id, from, to);
    }
  }

  public List<Device> devices(Predicate<Device> filter) {
    synchronized (lock) {
      return fleet.all().values().stream().filter(filter).toList();
    }
  }

  public Optional<Device> device(String id) {
    synchronized (lock) {
      return fleet.get(id);
    }
  }

  public List<LayerInfo> layers() {
    return geography.layers();
  }

  public GeoJsonFeatureCollection features(String layerId, Envelope bbox) {
    return geography.features(layerId, bbox);
  }

  public Scenario scenario() {
    synchronized (lock) {
      return scenario;
    }
  }

  public OperatingMode mode() {
    synchronized (lock) {
      return mode;
    }
  }

  /** Switches the scenario from now on (the storm profile starts now). */
  public void setScenario(Scenario next) {
    synchronized (lock) {
      scenario = next;
      scenarioStart = cursor;
      majorFloodRaised = false;
      LOG.info("scenario {} from city time {}", next.wireName(), cursor);
    }
  }

  // ---- operator actions -------------------------------------------------------------------------

  /**
   * Applies an operator action once per idempotency key: a retry with the same key and request gets
   * the first answer again (replayed = true); the same key for a different request is refused.
   */
  public ActionOutcome act(
      String incidentId,
      IncidentAction action,
      String key,
      String fingerprint,
      String actor,
      Role role) {
    synchronized (lock) {
      Optional<StoredAnswer> earlier = idempotency.find(key);
      if (earlier.isPresent()) {
        if (!earlier.get().fingerprint().equals(fingerprint)) {
          throw new ActionRejected(
              ProblemType.IDEMPOTENCY_KEY_REUSED,
              "Idempotency-Key '"
                  + key
                  + "' was already used for a different request; use a new key per action");
        }
        return new ActionOutcome(
            earlier.get().status(), earlier.get().contentType(), earlier.get().body(), true);
      }
      ActionOutcome outcome;
      try {
        Incident current = incidents.get(incidentId);
        if (current == null) {
          throw new ActionRejected(ProblemType.NOT_FOUND, "no case with id '" + incidentId + "'");
        }
        Incident next =
            workflow.apply(
                current, action, actor, role, cursor, id -> Optional.ofNullable(incidents.get(id)));
        List<PendingEvent> events = new ArrayList<>();
        upsert(next, cursor, events);
        publish(events);
        Incident shown = role.seesPersonalData() ? next : Masking.mask(next);
        String body =
            Json.write(new ActionResult(key, incidentId, action.type(), journal.headSeq(), shown));
        outcome = new ActionOutcome(200, "application/json", body, false);
      } catch (ActionRejected rejected) {
        if (rejected.problem() == ProblemType.FORBIDDEN) {
          throw rejected; // a role problem is not an answer to the action: another user may retry
          // the key
        }
        outcome = ActionOutcome.problem(rejected, "/api/v1/incidents/" + incidentId + "/actions");
      }
      idempotency.remember(
          new StoredAnswer(
              key, fingerprint, outcome.status(), outcome.contentType(), outcome.body()));
      return outcome;
    }
  }

  @Override
  public void close() {
    synchronized (lock) {
      hub.close();
      journal.close();
      idempotency.close();
    }
  }

  /** A resume the journal cannot serve. */
  public static final class ResumeRefused extends RuntimeException {
    public ResumeRefused(long since, long oldest, long head) {
      super(
          "cannot resume after seq "
              + since
              + ": this server keeps seq "
              + oldest
              + " to "
              + head
              + "; take a new snapshot and stream from its seq");
    }
  }
}
