package com.cityops.app.queue;

import com.cityops.api.Incident;
import com.cityops.api.IncidentLevel;
import com.cityops.api.IncidentSource;
import com.cityops.api.IncidentStatus;
import com.cityops.app.i18n.Messages;
import com.cityops.themes.StyleClasses;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The queue panel: header with counts per stage, total and overdue; the filters; and a virtualised
 * table of the cases. The table's items are patched per result, never rebuilt per event; sorting by
 * a column asks the worker (the table never sorts 10,000 rows on the FX thread); the selected case
 * and the top visible case stay put across updates.
 *
 * <p>FX thread only.
 */
final class IncidentQueueView {
  private static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter TODAY = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final DateTimeFormatter EARLIER = DateTimeFormatter.ofPattern("MM-dd HH:mm");

  private final IncidentQueue queue;
  private final IncidentQueueModel model;
  private final Messages messages;
  private final CaseClocks clocks;
  private final TableView<Incident> table = new TableView<>();
  private final Map<TableColumn<Incident, ?>, QueueOrder.Key> keys = new LinkedHashMap<>();
  private boolean restoring;

  IncidentQueueView(IncidentQueue queue, Messages messages, CaseClocks clocks) {
    this.queue = queue;
    this.model = queue.model();
    this.messages = messages;
    this.clocks = clocks;
  }

  Node build() {
    VBox panel = new VBox(6, header(), filters(), table());
    panel.getStyleClass().addAll(StyleClasses.PANEL, QueueStyles.QUEUE);
    panel.setId("incident-queue-panel");
    VBox.setVgrow(table, Priority.ALWAYS);
    return panel;
  }

  TableView<Incident> table() {
    if (!table.getColumns().isEmpty()) {
      return table;
    }
    table.setId("incident-queue");
    table.getStyleClass().add(QueueStyles.TABLE);
    table.setItems(model.rows());
    table.setPlaceholder(new Label(messages.get("queue.empty")));
    table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
    table.setTableMenuButtonVisible(true);
    column("level", 64, QueueOrder.Key.LEVEL, null, c -> new QueueCells.Level(model, messages));
    column(
        "clock",
        180,
        QueueOrder.Key.CLOCK,
        null,
        c -> new QueueCells.Countdown(model, clocks, messages));
    column("code", 140, QueueOrder.Key.CODE, Incident::code, null);
    column("title", 180, QueueOrder.Key.TITLE, Incident::title, null);
    column("status", 60, QueueOrder.Key.STATUS, this::statusName, null);
    column(
        "tier", 100, QueueOrder.Key.TIER, null, c -> new QueueCells.Tier(model, clocks, messages));
    column("category", 90, QueueOrder.Key.CATEGORY, Incident::category, null);
    column("place", 170, QueueOrder.Key.PLACE, this::place, null);
    column("source", 90, QueueOrder.Key.SOURCE, this::sourceName, null);
    column("reported", 90, QueueOrder.Key.REPORTED, this::reported, null);
    column(
        "departments",
        140,
        QueueOrder.Key.DEPARTMENTS,
        i -> String.join("、", i.departments()),
        null);
    // Sorting is the worker's: the policy only translates the header clicks into an order.
    table.setSortPolicy(
        t -> {
          queue.setOrder(orderOfHeader());
          return true;
        });
    table
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (obs, was, now) -> {
              if (!restoring && now != null) {
                queue.select(now.id());
              }
            });
    return table;
  }

  /** Before the rows are replaced: remember the top visible case, to keep it on top after. */
  String topVisibleId() {
    VirtualFlow<?> flow = flow();
    if (flow == null || flow.getFirstVisibleCell() == null) {
      return null;
    }
    int first = flow.getFirstVisibleCell().getIndex();
    return first > 0 && first < model.rows().size() ? model.rows().get(first).id() : null;
  }

  /** After an update: the selection back on the selected case, the top case back on top. */
  void restore(String selectedId, String topId, boolean scrollToSelected) {
    restoring = true;
    try {
      int selected = model.indexOf(selectedId);
      if (selected < 0) {
        table.getSelectionModel().clearSelection();
      } else if (table.getSelectionModel().getSelectedIndex() != selected) {
        table.getSelectionModel().clearAndSelect(selected);
      }
      if (scrollToSelected && selected >= 0) {
        if (!isVisible(selected)) {
          table.scrollTo(Math.max(0, selected - 3));
        }
      } else if (topId != null) {
        int top = model.indexOf(topId);
        VirtualFlow<?> flow = flow();
        if (top >= 0
            && flow != null
            && flow.getFirstVisibleCell() != null
            && flow.getFirstVisibleCell().getIndex() != top) {
          table.scrollTo(top);
        }
      }
    } finally {
      restoring = false;
    }
  }

  private boolean isVisible(int index) {
    VirtualFlow<?> flow = flow();
    if (flow == null || flow.getFirstVisibleCell() == null || flow.getLastVisibleCell() == null) {
      return false;
    }
    return index > flow.getFirstVisibleCell().getIndex()
        && index < flow.getLastVisibleCell().getIndex();
  }

  private VirtualFlow<?> flow() {
    return table.lookup(".virtual-flow") instanceof VirtualFlow<?> f ? f : null;
  }

  private QueueOrder orderOfHeader() {
    if (table.getSortOrder().isEmpty()) {
      return QueueOrder.DEFAULT;
    }
    TableColumn<Incident, ?> first = table.getSortOrder().get(0);
    QueueOrder.Key key = keys.getOrDefault(first, QueueOrder.Key.URGENCY);
    return new QueueOrder(key, first.getSortType() == TableColumn.SortType.ASCENDING);
  }

  private void column(
      String name,
      double width,
      QueueOrder.Key key,
      Function<Incident, String> text,
      javafx.util.Callback<
              TableColumn<Incident, Incident>, javafx.scene.control.TableCell<Incident, Incident>>
          cells) {
    TableColumn<Incident, Incident> c = new TableColumn<>(messages.get("queue.col." + name));
    c.setId("queue-col-" + name);
    c.setPrefWidth(width);
    c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
    c.setCellFactory(cells != null ? cells : col -> new QueueCells.Text(text));
    keys.put(c, key);
    table.getColumns().add(c);
  }

  private Node header() {
    Label title = new Label(messages.get("queue.title"));
    title.getStyleClass().add(StyleClasses.PANEL_TITLE);
    FlowPane counts = new FlowPane(10, 4);
    counts.getStyleClass().add(QueueStyles.COUNTS);
    counts.setId("queue-counts");
    for (IncidentStatus s : IncidentStatus.values()) {
      if (s.isOpen()) {
        counts
            .getChildren()
            .add(
                count(
                    "status." + s.name().toLowerCase(),
                    model.countProperty(s),
                    null,
                    "queue-count-" + s.name().toLowerCase()));
      }
    }
    counts
        .getChildren()
        .addAll(
            count("queue.total", model.totalProperty(), null, "queue-total"),
            count(
                "queue.overdue.count",
                model.overdueProperty(),
                StyleClasses.ALARM,
                "queue-overdue"));
    HBox line = new HBox(12, title, counts);
    line.setAlignment(Pos.CENTER_LEFT);
    HBox.setHgrow(counts, Priority.ALWAYS);
    return line;
  }

  private Label count(
      String key, javafx.beans.property.IntegerProperty value, String state, String id) {
    Label l = new Label();
    l.setId(id);
    l.getStyleClass().add(QueueStyles.COUNT);
    l.textProperty().bind(value.asString(messages.get(key) + " %d"));
    if (state != null) {
      StyleClasses.setState(l, state);
    }
    return l;
  }

  private Node filters() {
    HBox levels = new HBox(2);
    Set<IncidentLevel> chosenLevels = EnumSet.noneOf(IncidentLevel.class);
    for (IncidentLevel level : IncidentLevel.values()) {
      ToggleButton b = new ToggleButton(level.roman());
      b.setId("queue-level-" + level.code());
      b.getStyleClass().add(QueueStyles.LEVEL_TOGGLE);
      StyleClasses.setState(b, StyleClasses.levelPseudoClass(level.code()));
      b.setTooltip(new javafx.scene.control.Tooltip(messages.get("level." + level.code())));
      b.selectedProperty()
          .addListener(
              (obs, was, on) -> {
                if (on) {
                  chosenLevels.add(level);
                } else {
                  chosenLevels.remove(level);
                }
                queue.setFilter(queue.filter().withLevels(chosenLevels));
              });
      levels.getChildren().add(b);
    }

    MenuButton statuses = new MenuButton(messages.get("queue.filter.status"));
    statuses.setId("queue-status-filter");
    Set<IncidentStatus> chosenStatuses = EnumSet.noneOf(IncidentStatus.class);
    for (IncidentStatus s : IncidentStatus.values()) {
      if (!s.isOpen()) {
        continue;
      }
      CheckMenuItem item = new CheckMenuItem(statusName(s));
      item.setId("queue-status-" + s.name().toLowerCase());
      item.selectedProperty()
          .addListener(
              (obs, was, on) -> {
                if (on) {
                  chosenStatuses.add(s);
                } else {
                  chosenStatuses.remove(s);
                }
                statuses.setText(
                    chosenStatuses.isEmpty()
                        ? messages.get("queue.filter.status")
                        : chosenStatuses.stream()
                            .map(this::statusName)
                            .reduce((a, b) -> a + "·" + b)
                            .orElse(""));
                queue.setFilter(queue.filter().withStatuses(chosenStatuses));
              });
      statuses.getItems().add(item);
    }

    ComboBox<String> category = new ComboBox<>();
    category.setId("queue-category-filter");
    category.setPromptText(messages.get("queue.filter.category"));
    model
        .categories()
        .addListener(
            (javafx.collections.ListChangeListener<String>)
                c -> keepChoices(category, model.categories()));
    category.setOnAction(
        e ->
            queue.setFilter(
                queue
                    .filter()
                    .withCategories(
                        category.getValue() == null || category.getValue().isEmpty()
                            ? Set.of()
                            : Set.of(category.getValue()))));

    ComboBox<String> district = new ComboBox<>();
    district.setId("queue-district-filter");
    district.setPromptText(messages.get("queue.filter.district"));
    labelled(district, () -> model.districtsProperty().get());
    model
        .districtsProperty()
        .addListener((obs, was, now) -> keepChoices(district, List.copyOf(now.keySet())));
    ComboBox<String> street = new ComboBox<>();
    street.setId("queue-street-filter");
    street.setPromptText(messages.get("queue.filter.street"));
    labelled(street, () -> model.streetsProperty().get());
    model
        .streetsProperty()
        .addListener((obs, was, now) -> keepChoices(street, List.copyOf(now.keySet())));
    district.setOnAction(
        e -> {
          street.setValue(null);
          queue.setFilter(queue.filter().withDistrict(blankToNull(district.getValue())));
        });
    street.setOnAction(
        e -> queue.setFilter(queue.filter().withStreet(blankToNull(street.getValue()))));

    ComboBox<IncidentSource> source = new ComboBox<>();
    source.setId("queue-source-filter");
    source.setPromptText(messages.get("queue.filter.source"));
    source.getItems().add(null);
    source.getItems().addAll(IncidentSource.values());
    javafx.util.Callback<javafx.scene.control.ListView<IncidentSource>, ListCell<IncidentSource>>
        sourceCells =
            v ->
                new ListCell<>() {
                  @Override
                  protected void updateItem(IncidentSource s, boolean empty) {
                    super.updateItem(s, empty);
                    setText(
                        empty
                            ? null
                            : s == null ? messages.get("queue.filter.all") : sourceName(s));
                  }
                };
    source.setCellFactory(sourceCells);
    source.setButtonCell(
        new ListCell<>() {
          @Override
          protected void updateItem(IncidentSource s, boolean empty) {
            super.updateItem(s, empty);
            setText(s == null ? messages.get("queue.filter.source") : sourceName(s));
          }
        });
    source.setOnAction(
        e ->
            queue.setFilter(
                queue
                    .filter()
                    .withSources(
                        source.getValue() == null ? Set.of() : Set.of(source.getValue()))));

    ToggleButton overdue = new ToggleButton(messages.get("queue.filter.overdue"));
    overdue.setId("queue-overdue-filter");
    overdue
        .selectedProperty()
        .addListener((obs, was, on) -> queue.setFilter(queue.filter().withOverdueOnly(on)));

    TextField search = new TextField();
    search.setId("queue-search");
    search.setPromptText(messages.get("queue.filter.search"));
    search
        .textProperty()
        .addListener((obs, was, now) -> queue.setFilter(queue.filter().withText(now)));
    HBox.setHgrow(search, Priority.ALWAYS);

    FlowPane row =
        new FlowPane(
            6,
            6,
            levels,
            statuses,
            overdue,
            category,
            district,
            street,
            source,
            AnnounceBanner.soundMenu(queue, messages));
    row.setAlignment(Pos.CENTER_LEFT);
    VBox box = new VBox(6, row, search);
    box.getStyleClass().add(QueueStyles.FILTERS);
    return box;
  }

  /** A combo of codes shown by name; the empty first choice means all. */
  private void labelled(
      ComboBox<String> combo, java.util.function.Supplier<Map<String, String>> names) {
    javafx.util.Callback<javafx.scene.control.ListView<String>, ListCell<String>> cells =
        v ->
            new ListCell<>() {
              @Override
              protected void updateItem(String code, boolean empty) {
                super.updateItem(code, empty);
                setText(
                    empty
                        ? null
                        : code == null || code.isEmpty()
                            ? messages.get("queue.filter.all")
                            : names.get().getOrDefault(code, code));
              }
            };
    combo.setCellFactory(cells);
    combo.setButtonCell(cells.call(null));
  }

  /** New choices, the current one kept (the first, empty, choice means all). */
  private static void keepChoices(ComboBox<String> combo, List<String> choices) {
    String value = combo.getValue();
    List<String> items = new java.util.ArrayList<>();
    items.add("");
    items.addAll(choices);
    if (!combo.getItems().equals(items)) {
      combo.getItems().setAll(items);
      if (value != null && items.contains(value)) {
        combo.setValue(value);
      }
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private String statusName(Incident i) {
    return statusName(i.status());
  }

  private String statusName(IncidentStatus s) {
    return messages.get("status." + s.name().toLowerCase());
  }

  private String sourceName(Incident i) {
    return i.source() == null ? "" : sourceName(i.source());
  }

  private String sourceName(IncidentSource s) {
    return messages.get("queue.source." + s.name().toLowerCase());
  }

  private String place(Incident i) {
    if (i.location() == null) {
      return "";
    }
    String address = i.location().address();
    return PlaceLabels.district(address, i.location().districtCode())
        + " · "
        + PlaceLabels.street(address, i.location().streetCode());
  }

  private String reported(Incident i) {
    ZonedDateTime at = i.reportedAt().atZone(CITY_ZONE);
    Instant now = model.nowProperty().get();
    LocalDate today = now == null ? null : now.atZone(CITY_ZONE).toLocalDate();
    return (at.toLocalDate().equals(today) ? TODAY : EARLIER).format(at);
  }
}
