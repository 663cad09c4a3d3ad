package com.cityops.app.search;

import com.cityops.app.i18n.Messages;
import com.cityops.app.shell.AreaScope;
import com.cityops.app.shell.Workbench;
import com.cityops.themes.StyleClasses;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;

/**
 * The one-box search (一键智搜) in the top bar, keyboard first: Ctrl+K or F3 focuses it; typing
 * searches (on {@link OneBoxSearch}'s thread, answers through the workbench's fx door); ↑/↓ move;
 * Enter opens; Esc closes. Results come grouped: cases, places, devices, indicators. Opening a case
 * selects it and flies there; a place becomes the area in scope (the map frames it); a device flies
 * there.
 *
 * <p>FX thread only.
 */
public final class SearchBox {
  private static final double CASE_ZOOM = 16;
  private static final double DEVICE_ZOOM = 17;

  private final Workbench workbench;
  private final OneBoxSearch search;
  private final Supplier<AreaScope> allowed;
  private final Messages messages;
  private final TextField field = new TextField();
  private final ListView<Row> list = new ListView<>();
  private final Popup popup = new Popup();
  private long shownTicket;
  private long askedTicket;

  /**
   * @param allowed the area the operator may search in (their jurisdiction, else the city)
   */
  public SearchBox(Workbench workbench, OneBoxSearch search, Supplier<AreaScope> allowed) {
    this.workbench = workbench;
    this.search = search;
    this.allowed = allowed;
    this.messages = workbench.messages();
    field.setId("one-box-search");
    field.setPromptText(messages.get("search.prompt"));
    field.getStyleClass().add(StyleClasses.SEARCH_FIELD);
    field.setPrefColumnCount(24);
    list.setId("search-results");
    list.setCellFactory(v -> new RowCell());
    list.setPrefSize(620, 520);
    list.setFocusTraversable(false);
    list.setOnMouseClicked(
        e -> {
          if (e.getClickCount() >= 1) {
            open(list.getSelectionModel().getSelectedItem());
          }
        });
    VBox box = new VBox(list);
    box.getStyleClass().add(StyleClasses.SEARCH_POPUP);
    popup.getContent().add(box);
    popup.setAutoHide(true);
    field.textProperty().addListener((obs, was, now) -> ask(now));
    field.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
    field
        .sceneProperty()
        .addListener(
            (obs, was, scene) -> {
              if (scene != null) {
                installShortcuts(scene);
              }
            });
  }

  public Node node() {
    return field;
  }

  /** What the list shows now (tests). */
  public List<SearchHit> shownHits() {
    return list.getItems().stream().map(Row::hit).filter(h -> h != null).toList();
  }

  private void installShortcuts(Scene scene) {
    Runnable focus =
        () -> {
          field.requestFocus();
          field.selectAll();
        };
    scene
        .getAccelerators()
        .put(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN), focus);
    scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F3), focus);
  }

  private void ask(String text) {
    long ticket = ++askedTicket;
    if (text == null || text.isBlank()) {
      list.getItems().clear();
      popup.hide();
      return;
    }
    search.search(
        text, allowed.get(), hits -> workbench.fxDoor().execute(() -> show(ticket, hits)));
  }

  private void show(long ticket, List<SearchHit> hits) {
    if (ticket != askedTicket || ticket < shownTicket) {
      return; // the operator typed on; a newer answer is coming
    }
    shownTicket = ticket;
    List<Row> rows = new ArrayList<>();
    SearchHit.Kind group = null;
    for (SearchHit hit : hits) {
      if (hit.kind() != group) {
        group = hit.kind();
        rows.add(new Row(messages.get("search.group." + group.name().toLowerCase()), null));
      }
      rows.add(new Row(null, hit));
    }
    if (rows.isEmpty()) {
      rows.add(new Row(messages.get("search.none"), null));
    }
    list.getItems().setAll(rows);
    selectNext(0, 1);
    if (!popup.isShowing() && field.getScene() != null && field.getScene().getWindow() != null) {
      Bounds at = field.localToScreen(field.getBoundsInLocal());
      popup.show(field, at.getMinX(), at.getMaxY() + 2);
    }
  }

  private void key(KeyEvent e) {
    switch (e.getCode()) {
      case DOWN -> {
        selectNext(list.getSelectionModel().getSelectedIndex() + 1, 1);
        e.consume();
      }
      case UP -> {
        selectNext(list.getSelectionModel().getSelectedIndex() - 1, -1);
        e.consume();
      }
      case ENTER -> {
        open(list.getSelectionModel().getSelectedItem());
        e.consume();
      }
      case ESCAPE -> {
        popup.hide();
        field.clear();
        field.getParent().requestFocus();
        e.consume();
      }
      default -> {}
    }
  }

  /** Selects the next hit from {@code from} in {@code step}'s direction, skipping group titles. */
  private void selectNext(int from, int step) {
    List<Row> rows = list.getItems();
    for (int i = from; i >= 0 && i < rows.size(); i += step) {
      if (rows.get(i).hit() != null) {
        list.getSelectionModel().select(i);
        list.scrollTo(Math.max(0, i - 1));
        return;
      }
    }
  }

  /** Opens a hit: selects the case, scopes the place, flies to the device. */
  public void open(Row row) {
    if (row == null || row.hit() == null) {
      return;
    }
    SearchHit hit = row.hit();
    popup.hide();
    switch (hit.kind()) {
      case CASE -> {
        workbench.selectedIncidentIdProperty().set(hit.id());
        workbench.map().flyTo(hit.lon(), hit.lat(), CASE_ZOOM);
      }
      case PLACE -> {
        AreaScope scope = hit.place().scope();
        if (scope.equals(workbench.scopeProperty().get())) {
          workbench.map().frame(hit.place().bounds(), 40);
        } else {
          workbench.scopeProperty().set(scope);
        }
      }
      case DEVICE -> workbench.map().flyTo(hit.lon(), hit.lat(), DEVICE_ZOOM);
      case INDICATOR -> {}
    }
  }

  /** A group title ({@code hit} null) or a hit. */
  public record Row(String title, SearchHit hit) {}

  private final class RowCell extends ListCell<Row> {
    private final Label title = new Label();
    private final Label detail = new Label();
    private final Label cameras = new Label();
    private final VBox box = new VBox(2, title, detail, cameras);

    RowCell() {
      detail.getStyleClass().add(StyleClasses.MUTED);
      cameras.getStyleClass().add(StyleClasses.MUTED);
    }

    @Override
    protected void updateItem(Row row, boolean empty) {
      super.updateItem(row, empty);
      getStyleClass().removeAll(StyleClasses.SEARCH_GROUP, StyleClasses.SEARCH_HIT);
      if (empty || row == null) {
        setGraphic(null);
        setText(null);
        return;
      }
      if (row.hit() == null) {
        setGraphic(null);
        setText(row.title());
        getStyleClass().add(StyleClasses.SEARCH_GROUP);
        return;
      }
      SearchHit hit = row.hit();
      setText(null);
      getStyleClass().add(StyleClasses.SEARCH_HIT);
      title.setText(hit.title());
      detail.setText(hit.detail());
      boolean hasCameras = !hit.cameras().isEmpty();
      cameras.setVisible(hasCameras);
      cameras.setManaged(hasCameras);
      if (hasCameras) {
        cameras.setText(
            messages.format(
                "search.cameras",
                hit.cameras().stream()
                    .map(c -> c.name() + " " + Math.round(c.metres()) + " m")
                    .collect(Collectors.joining(" · "))));
      }
      setGraphic(box);
    }
  }
}
