package com.cityops.app.queue;

import com.cityops.api.Incident;
import com.cityops.api.IncidentStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the queue shows, as FX properties: the rows (patched in place when only cases changed,
 * replaced in one change when the order did), the counts for the header, the backend's time for the
 * clocks, and which cases are new. No scene-graph types.
 *
 * <p>FX thread only.
 */
public final class IncidentQueueModel {
  /** How long a new case keeps its (fading) marker. */
  public static final Duration NEW_FOR = Duration.ofSeconds(30);

  /** Above this many changed rows one replacement is cheaper than single sets. */
  private static final int PATCH_LIMIT = 64;

  private final ObservableList<Incident> rows = FXCollections.observableArrayList();
  private final Map<IncidentStatus, IntegerProperty> byStatus = new EnumMap<>(IncidentStatus.class);
  private final IntegerProperty total = new SimpleIntegerProperty();
  private final IntegerProperty overdue = new SimpleIntegerProperty();
  private final ObjectProperty<Instant> now = new SimpleObjectProperty<>();
  private final ObservableList<String> categories = FXCollections.observableArrayList();
  private final ObjectProperty<Map<String, String>> districts =
      new SimpleObjectProperty<>(Map.of());
  private final ObjectProperty<Map<String, String>> streets = new SimpleObjectProperty<>(Map.of());
  private final ObjectProperty<QueueResult> result = new SimpleObjectProperty<>();
  private final Map<String, Instant> firstSeen = new HashMap<>();
  private Instant localNow = Instant.EPOCH;

  public IncidentQueueModel() {
    for (IncidentStatus s : IncidentStatus.values()) {
      if (s.isOpen()) {
        byStatus.put(s, new SimpleIntegerProperty());
      }
    }
  }

  /** Takes a computed queue; {@code local} is the workstation's time, for the new markers. */
  public void apply(QueueResult r, Instant local) {
    if (result.get() != null && r.generation() <= result.get().generation()) {
      return;
    }
    localNow = local;
    for (String id : r.fresh()) {
      firstSeen.put(id, local);
    }
    patch(r.rows());
    byStatus.forEach((s, p) -> p.set(r.byStatus().getOrDefault(s, 0)));
    total.set(r.total());
    overdue.set(r.overdue());
    if (!categories.equals(r.categories())) {
      categories.setAll(r.categories());
    }
    if (!districts.get().equals(r.districts())) {
      districts.set(r.districts());
    }
    if (!streets.get().equals(r.streets())) {
      streets.set(r.streets());
    }
    if (now.get() == null) {
      now.set(r.backendNow());
    }
    result.set(r);
  }

  /**
   * Same cases in the same order: only the changed ones are set (cells of other rows are left
   * alone, selection and scroll stay); otherwise one replacement.
   */
  private void patch(List<Incident> next) {
    if (next.size() == rows.size()) {
      int changed = 0;
      boolean sameOrder = true;
      for (int i = 0; i < next.size() && sameOrder; i++) {
        Incident was = rows.get(i);
        Incident is = next.get(i);
        if (was != is) {
          sameOrder = was.id().equals(is.id());
          changed++;
        }
      }
      if (sameOrder && changed <= PATCH_LIMIT) {
        for (int i = 0; i < next.size() && changed > 0; i++) {
          if (rows.get(i) != next.get(i)) {
            rows.set(i, next.get(i));
            changed--;
          }
        }
        return;
      }
    }
    rows.setAll(next);
  }

  /** The one-second tick: moves the clocks and lets new markers fade. */
  public void tick(Instant local) {
    localNow = local;
    QueueResult r = result.get();
    if (r != null) {
      Instant backend = r.time().backendNow(local);
      now.set(backend != null ? backend : local);
    } else {
      now.set(local);
    }
    for (Iterator<Instant> it = firstSeen.values().iterator(); it.hasNext(); ) {
      if (Duration.between(it.next(), local).compareTo(NEW_FOR) >= 0) {
        it.remove();
      }
    }
  }

  /** How new a case still is: 1 just seen, falling to 0 after {@link #NEW_FOR}; 0 if not new. */
  public double newness(String id) {
    Instant seen = firstSeen.get(id);
    if (seen == null) {
      return 0;
    }
    double age = Duration.between(seen, localNow).toMillis() / (double) NEW_FOR.toMillis();
    return Math.max(0, Math.min(1, 1 - age));
  }

  /** Where a case sits in the rows, or -1. */
  public int indexOf(String id) {
    QueueResult r = result.get();
    if (id == null || r == null) {
      return -1;
    }
    Integer at = r.positions().get(id);
    return at == null || at >= rows.size() || !rows.get(at).id().equals(id) ? -1 : at;
  }

  public ObservableList<Incident> rows() {
    return rows;
  }

  public IntegerProperty countProperty(IncidentStatus status) {
    return byStatus.get(status);
  }

  public IntegerProperty totalProperty() {
    return total;
  }

  public IntegerProperty overdueProperty() {
    return overdue;
  }

  /** The backend's time now, for the clocks; moves once a second. */
  public ReadOnlyObjectProperty<Instant> nowProperty() {
    return now;
  }

  public ObservableList<String> categories() {
    return categories;
  }

  public ReadOnlyObjectProperty<Map<String, String>> districtsProperty() {
    return districts;
  }

  public ReadOnlyObjectProperty<Map<String, String>> streetsProperty() {
    return streets;
  }

  /** The last applied result; listeners learn of each applied update. */
  public ReadOnlyObjectProperty<QueueResult> resultProperty() {
    return result;
  }
}
