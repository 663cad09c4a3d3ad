package com.cityops.app.search;

import com.cityops.api.Device;
import com.cityops.api.DeviceType;
import com.cityops.api.Incident;
import com.cityops.api.Indicator;
import com.cityops.app.shell.AreaScope;
import com.cityops.app.state.CityState;
import com.cityops.app.state.IncidentQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * 一键智搜: one query over cases (code or text), places (districts, streets, grids — by name, pinyin or
 * initials), devices (id or name) and indicators (name), limited to the operator's area, with the
 * nearest cameras for cases and places. Searches run on its own {@code cityops-search} thread;
 * {@link #search} hands the answer to a callback that must only schedule work onto the FX thread. A
 * newer query makes older ones that have not started yet return nothing.
 *
 * <p>Thread-safe.
 */
public final class OneBoxSearch implements AutoCloseable {
  static final int PER_GROUP = 6;
  private static final int CAMERAS = 3;
  private static final double CAMERA_RADIUS_METRES = 3_000;

  private final CityState state;
  private final Gazetteer gazetteer;
  private final PinyinMatcher pinyin;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          com.cityops.app.platform.DaemonThreads.named("cityops-search"));
  private final java.util.concurrent.atomic.AtomicLong latest =
      new java.util.concurrent.atomic.AtomicLong();

  public OneBoxSearch(CityState state, Gazetteer gazetteer, PinyinMatcher pinyin) {
    this.state = state;
    this.gazetteer = gazetteer;
    this.pinyin = pinyin;
  }

  /** Makes the pinyin keys of devices and indicators now, so the first search is quick. */
  public void warmUp() {
    worker.execute(
        () -> {
          state.devices().forEach(d -> pinyin.keyOf(d.name()));
          state.snapshot().indicators().forEach(i -> pinyin.keyOf(i.name()));
        });
  }

  /** Searches on the worker; {@code answer} gets the hits unless a newer query came first. */
  public void search(String query, AreaScope within, Consumer<List<SearchHit>> answer) {
    long ticket = latest.incrementAndGet();
    worker.execute(
        () -> {
          if (ticket == latest.get()) {
            answer.accept(searchNow(query, within));
          }
        });
  }

  /** The same search on the caller's thread (tests, and the worker). */
  public List<SearchHit> searchNow(String query, AreaScope within) {
    String q = SearchKey.normalise(query);
    if (q.isEmpty()) {
      return List.of();
    }
    List<Device> devices = state.devices();
    List<Device> cameras = devices.stream().filter(d -> d.type() == DeviceType.CAMERA).toList();
    List<SearchHit> hits = new ArrayList<>();
    hits.addAll(cases(q, within, cameras));
    hits.addAll(places(q, within, cameras));
    hits.addAll(devices(q, within, devices));
    hits.addAll(indicators(q, within));
    return hits;
  }

  private List<SearchHit> cases(String q, AreaScope within, List<Device> cameras) {
    List<Incident> found = new ArrayList<>();
    String upper = q.toUpperCase(Locale.ROOT);
    state.query(IncidentQuery.all().matching(q)).stream()
        .filter(i -> within.contains(i.location()))
        .forEach(found::add);
    // A code typed whole goes first; then open before closed, newest first.
    found.sort(
        Comparator.comparing((Incident i) -> !i.code().equalsIgnoreCase(upper))
            .thenComparing(i -> !i.status().isOpen())
            .thenComparing(Incident::reportedAt, Comparator.reverseOrder()));
    return found.stream()
        .limit(PER_GROUP)
        .map(
            i ->
                new SearchHit(
                    SearchHit.Kind.CASE,
                    i.id(),
                    i.code() + " " + i.title(),
                    i.location().address(),
                    i.location().lon(),
                    i.location().lat(),
                    null,
                    nearest(cameras, i.location().lon(), i.location().lat())))
        .toList();
  }

  private List<SearchHit> places(String q, AreaScope within, List<Device> cameras) {
    return gazetteer.search(q, 50).stream()
        .filter(p -> gazetteer.within(p.scope(), within))
        .limit(PER_GROUP)
        .map(
            p ->
                new SearchHit(
                    SearchHit.Kind.PLACE,
                    p.code(),
                    p.name(),
                    pathText(p),
                    p.lon(),
                    p.lat(),
                    p,
                    nearest(cameras, p.lon(), p.lat())))
        .toList();
  }

  private String pathText(Place place) {
    return String.join(" › ", gazetteer.path(place.scope()).stream().map(Place::name).toList())
        + " · "
        + place.code();
  }

  private List<SearchHit> devices(String q, AreaScope within, List<Device> devices) {
    record Scored(Device device, int score) {}
    return devices.stream()
        .filter(d -> within.contains(d.location()))
        .map(
            d ->
                new Scored(
                    d,
                    d.id().equalsIgnoreCase(q)
                        ? 100
                        : Math.max(
                            d.id().toLowerCase(Locale.ROOT).contains(q) ? 60 : 0,
                            pinyin.keyOf(d.name()).score(q))))
        .filter(s -> s.score() > 0)
        .sorted(
            Comparator.comparingInt((Scored s) -> -s.score()).thenComparing(s -> s.device().id()))
        .limit(PER_GROUP)
        .map(
            s ->
                new SearchHit(
                    SearchHit.Kind.DEVICE,
                    s.device().id(),
                    s.device().name(),
                    s.device().id() + " · " + s.device().location().address(),
                    s.device().location().lon(),
                    s.device().location().lat(),
                    null,
                    List.of()))
        .toList();
  }

  private List<SearchHit> indicators(String q, AreaScope within) {
    return state.snapshot().indicators().stream()
        .filter(
            i ->
                i.districtCode() == null
                    || within.level() != AreaScope.Level.DISTRICT
                    || within.code().equals(i.districtCode()))
        .filter(i -> pinyin.keyOf(i.name()).score(q) > 0)
        .sorted(Comparator.comparingInt((Indicator i) -> -pinyin.keyOf(i.name()).score(q)))
        .limit(PER_GROUP)
        .map(
            i ->
                new SearchHit(
                    SearchHit.Kind.INDICATOR,
                    i.id(),
                    i.name(),
                    i.value() + " " + i.unit(),
                    Double.NaN,
                    Double.NaN,
                    null,
                    List.of()))
        .toList();
  }

  /** The nearest cameras within a few kilometres, nearest first. */
  static List<SearchHit.NearbyCamera> nearest(List<Device> cameras, double lon, double lat) {
    return cameras.stream()
        .map(
            c ->
                new SearchHit.NearbyCamera(
                    c.id(), c.name(), metres(lon, lat, c.location().lon(), c.location().lat())))
        .filter(c -> c.metres() <= CAMERA_RADIUS_METRES)
        .sorted(Comparator.comparingDouble(SearchHit.NearbyCamera::metres))
        .limit(CAMERAS)
        .toList();
  }

  /** Great-circle distance (haversine; ample for "which camera is nearest" inside a city). */
  static double metres(double lon1, double lat1, double lon2, double lat2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dp = p2 - p1;
    double dl = Math.toRadians(lon2 - lon1);
    double a =
        Math.sin(dp / 2) * Math.sin(dp / 2)
            + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * 6_371_008.8 * Math.asin(Math.sqrt(Math.min(1, a)));
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
