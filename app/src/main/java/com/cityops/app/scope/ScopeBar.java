package com.cityops.app.scope;

import com.cityops.app.i18n.Messages;
import com.cityops.app.search.Gazetteer;
import com.cityops.app.search.Place;
import com.cityops.app.shell.AreaScope;
import com.cityops.app.shell.Workbench;
import com.cityops.themes.StyleClasses;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.layout.HBox;

/**
 * The drill-down breadcrumb: 上海市 › 普陀区 › 长风新村街道 › grid. Each crumb goes back to its level; its menu
 * lists the areas one level down. Crumbs above the operator's jurisdiction are shown but cannot be
 * chosen.
 *
 * <p>FX thread only.
 */
public final class ScopeBar {
  private final Workbench workbench;
  private final Gazetteer places;
  private final ScopeController controller;
  private final Messages messages;
  private final HBox bar = new HBox(4);

  public ScopeBar(Workbench workbench, Gazetteer places, ScopeController controller) {
    this.workbench = workbench;
    this.places = places;
    this.controller = controller;
    this.messages = workbench.messages();
    bar.setId("scope-bar");
    bar.getStyleClass().add(StyleClasses.SCOPE_BAR);
    bar.setAlignment(Pos.CENTER_LEFT);
    workbench.scopeProperty().addListener((obs, was, now) -> rebuild());
    workbench.userProperty().addListener((obs, was, now) -> rebuild());
    rebuild();
  }

  public Node node() {
    return bar;
  }

  /** The crumbs' texts, e.g. [上海市, 普陀区] (tests). */
  public List<String> crumbs() {
    return bar.getChildren().stream()
        .filter(n -> n instanceof SplitMenuButton)
        .map(n -> ((SplitMenuButton) n).getText())
        .toList();
  }

  private void rebuild() {
    AreaScope scope = workbench.scopeProperty().get();
    List<AreaScope> chain = new ArrayList<>();
    chain.add(AreaScope.CITY);
    List<Place> path = places.path(scope);
    if (path.isEmpty() && scope.level() != AreaScope.Level.CITY) {
      chain.add(scope); // the gazetteer is not loaded yet: show what we know
    } else {
      path.forEach(p -> chain.add(p.scope()));
    }
    AreaScope top = controller.top();
    boolean aboveTop = top.level() != AreaScope.Level.CITY;
    bar.getChildren().clear();
    for (int i = 0; i < chain.size(); i++) {
      AreaScope level = chain.get(i);
      if (i > 0) {
        Label sep = new Label("›");
        sep.getStyleClass().add(StyleClasses.SCOPE_SEPARATOR);
        bar.getChildren().add(sep);
      }
      SplitMenuButton crumb = new SplitMenuButton();
      crumb.setId("scope-crumb-" + i);
      crumb.getStyleClass().add(StyleClasses.SCOPE_CRUMB);
      crumb.setText(
          level.level() == AreaScope.Level.CITY ? messages.get("scope.city") : level.name());
      if (aboveTop && level.level() == AreaScope.Level.CITY) {
        crumb.setDisable(true); // above the jurisdiction
      } else {
        if (aboveTop && level.equals(top)) {
          aboveTop = false;
        }
        crumb.setOnAction(e -> workbench.scopeProperty().set(level));
        crumb.setOnShowing(e -> fill(crumb, level));
        crumb.getItems().add(new MenuItem("…")); // replaced when the menu opens
      }
      bar.getChildren().add(crumb);
    }
  }

  /** The areas one level below {@code level}, read from the gazetteer when the menu opens. */
  private void fill(SplitMenuButton crumb, AreaScope level) {
    List<MenuItem> items = new ArrayList<>();
    for (Place child : places.children(level)) {
      MenuItem item = new MenuItem(child.name());
      item.setOnAction(e -> workbench.scopeProperty().set(child.scope()));
      item.setDisable(
          !ScopeRules.clamp(child.scope(), controller.jurisdiction(), places)
              .equals(child.scope()));
      items.add(item);
    }
    if (items.isEmpty()) {
      MenuItem none = new MenuItem(messages.get("scope.none"));
      none.setDisable(true);
      items.add(none);
    }
    crumb.getItems().setAll(items);
  }
}
