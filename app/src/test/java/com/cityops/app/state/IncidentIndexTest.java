package com.cityops.app.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.cityops.api.Incident;
import com.cityops.api.IncidentLevel;
import com.cityops.api.IncidentSource;
import com.cityops.api.IncidentStatus;
import com.cityops.api.Location;
import com.cityops.api.ResponsibleLevel;
import com.cityops.api.StatusTransition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The indexes must answer exactly what a scan of everything would: thousands of random cases,
 * updated and removed, queried by random combinations, each answer compared with a brute-force
 * filter.
 */
class IncidentIndexTest {
  static final Instant T0 = Instant.parse("2026-11-22T02:00:00Z");
  static final String[] DISTRICTS = {"310101", "310104", "310107", "310115", "310151"};
  static final String[] TITLES = {
    "真如镇街道积水", "长寿路街道占道经营", "曹杨新村街道井盖缺失", "桃浦镇燃气泄漏", "Road flooding at Zhenru", "石泉路街道噪声扰民"
  };
  static final String[] ROADS = {"中山北路", "武宁路", "曹杨路", "真北路", "铜川路", "Jinshajiang Rd"};

  private final Random random = new Random(42);
  private final IncidentIndex index = new IncidentIndex();
  private final Map<String, Incident> truth = new HashMap<>();

  @Test
  void answersExactlyWhatAScanWouldThroughUpdatesAndRemovals() {
    for (int i = 0; i < 4_000; i++) {
      put(randomIncident("c" + i, 1));
    }
    for (int round = 0; round < 6; round++) {
      for (int i = 0; i < 200; i++) {
        String id = "c" + random.nextInt(4_000);
        if (random.nextInt(10) == 0) {
          index.remove(id);
          truth.remove(id);
        } else {
          put(randomIncident(id, round + 2));
        }
      }
      for (int q = 0; q < 60; q++) {
        IncidentQuery query = randomQuery();
        assertThat(ids(index.query(query))).as(query.toString()).isEqualTo(scan(query));
      }
      checkTotals();
    }
  }

  @Test
  void findsChineseTextByAnyPartOfIt() {
    put(randomIncident("x", 1));
    Incident held = truth.get("x");
    String title = held.title();
    assertThat(index.query(IncidentQuery.all().matching(title.substring(1, 3))))
        .extracting(Incident::id)
        .contains("x");
    assertThat(index.query(IncidentQuery.all().matching(held.code().toLowerCase())))
        .extracting(Incident::id)
        .containsExactly("x");
    assertThat(index.query(IncidentQuery.all().matching("不存在的词"))).isEmpty();
  }

  @Test
  void keepsOpenCasesInQueueOrder() {
    for (int i = 0; i < 500; i++) {
      put(randomIncident("c" + i, 1));
    }
    List<Incident> expected =
        truth.values().stream()
            .filter(i -> i.status().isOpen())
            .sorted(IncidentIndex.QUEUE_ORDER)
            .limit(40)
            .toList();
    assertThat(index.firstOpen(40)).isEqualTo(expected);
  }

  private void put(Incident incident) {
    index.put(incident);
    truth.put(incident.id(), incident);
  }

  private void checkTotals() {
    Map<IncidentStatus, Integer> byStatus = new HashMap<>();
    Map<IncidentLevel, Integer> openByLevel = new HashMap<>();
    int overdue = 0;
    for (Incident i : truth.values()) {
      byStatus.merge(i.status(), 1, Integer::sum);
      if (i.status().isOpen()) {
        openByLevel.merge(i.level(), 1, Integer::sum);
        overdue += i.overdue() ? 1 : 0;
      }
    }
    assertThat(index.countByStatus()).isEqualTo(byStatus);
    assertThat(index.openByLevel()).isEqualTo(openByLevel);
    assertThat(index.openOverdue()).isEqualTo(overdue);
    assertThat(index.size()).isEqualTo(truth.size());
  }

  private List<String> ids(List<Incident> incidents) {
    return incidents.stream().map(Incident::id).sorted().toList();
  }

  private List<String> scan(IncidentQuery q) {
    Predicate<Incident> match =
        i ->
            (q.statuses().isEmpty() || q.statuses().contains(i.status()))
                && (q.levels().isEmpty() || q.levels().contains(i.level()))
                && (q.districts().isEmpty() || q.districts().contains(i.location().districtCode()))
                && (q.streets().isEmpty() || q.streets().contains(i.location().streetCode()))
                && (q.grids().isEmpty() || q.grids().contains(i.location().gridCode()))
                && (q.categories().isEmpty() || q.categories().contains(i.category()))
                && (q.sources().isEmpty() || q.sources().contains(i.source()))
                && (!q.overdueOnly() || i.overdue())
                && (q.bbox() == null
                    || (i.location().lon() >= q.bbox().west()
                        && i.location().lon() <= q.bbox().east()
                        && i.location().lat() >= q.bbox().south()
                        && i.location().lat() <= q.bbox().north()))
                && IncidentIndex.words(q.text()).stream()
                    .allMatch(w -> IncidentIndex.searchText(i).contains(w));
    return truth.values().stream().filter(match).map(Incident::id).sorted().toList();
  }

  private IncidentQuery randomQuery() {
    IncidentQuery q = IncidentQuery.all();
    if (random.nextBoolean()) {
      q = q.withStatuses(someOf(IncidentStatus.class));
    }
    if (random.nextBoolean()) {
      q = q.withLevels(someOf(IncidentLevel.class));
    }
    if (random.nextInt(3) == 0) {
      q = q.withDistricts(Set.of(DISTRICTS[random.nextInt(DISTRICTS.length)]));
    }
    if (random.nextInt(4) == 0) {
      q =
          q.withStreets(
              Set.of(DISTRICTS[random.nextInt(DISTRICTS.length)] + "00" + random.nextInt(3)));
    }
    if (random.nextInt(5) == 0) {
      q = q.withGrids(Set.of(DISTRICTS[random.nextInt(DISTRICTS.length)] + "001001"));
    }
    if (random.nextInt(4) == 0) {
      q = q.withCategories(random.nextBoolean() ? Set.of("道路积水") : Set.of("道路积水", "市容环境"));
    }
    if (random.nextInt(4) == 0) {
      q = q.withSources(someOf(IncidentSource.class));
    }
    if (random.nextInt(5) == 0) {
      q = q.overdue(true);
    }
    if (random.nextInt(3) == 0) {
      double west = 121.2 + random.nextDouble() * 0.4;
      double south = 31.0 + random.nextDouble() * 0.4;
      double size = random.nextDouble() * (random.nextBoolean() ? 0.05 : 2);
      q = q.within(new IncidentQuery.Bbox(west, south, west + size, south + size));
    }
    if (random.nextInt(3) == 0) {
      String source =
          random.nextBoolean()
              ? TITLES[random.nextInt(TITLES.length)]
              : ROADS[random.nextInt(ROADS.length)];
      int from = random.nextInt(source.length() - 1);
      q =
          q.matching(
              source.substring(from, Math.min(source.length(), from + 1 + random.nextInt(3))));
    }
    return q;
  }

  private <E extends Enum<E>> Set<E> someOf(Class<E> type) {
    EnumSet<E> chosen = EnumSet.noneOf(type);
    for (E e : type.getEnumConstants()) {
      if (random.nextInt(3) == 0) {
        chosen.add(e);
      }
    }
    return chosen;
  }

  private Incident randomIncident(String id, long version) {
    IncidentStatus status = IncidentStatus.values()[random.nextInt(IncidentStatus.values().length)];
    IncidentLevel level = IncidentLevel.values()[random.nextInt(IncidentLevel.values().length)];
    String district = DISTRICTS[random.nextInt(DISTRICTS.length)];
    String road = ROADS[random.nextInt(ROADS.length)];
    List<StatusTransition> timeline = new ArrayList<>();
    timeline.add(new StatusTransition(status, T0, "test", ""));
    return new Incident(
        id,
        "PT-20261122-" + id,
        version,
        TITLES[random.nextInt(TITLES.length)],
        random.nextBoolean() ? "道路积水" : "市容环境",
        "",
        level,
        IncidentSource.values()[random.nextInt(IncidentSource.values().length)],
        new Location(
            121.2 + random.nextDouble() * 0.6,
            31.0 + random.nextDouble() * 0.6,
            road + random.nextInt(2000) + "号",
            district,
            district + "00" + random.nextInt(3),
            district + "001001"),
        status,
        timeline,
        ResponsibleLevel.STREET,
        List.of(),
        T0.plusSeconds(random.nextInt(86_400)),
        T0.plusSeconds(300),
        T0.plusSeconds(7200),
        random.nextInt(8) == 0,
        null,
        null);
  }
}
