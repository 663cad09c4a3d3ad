package com.cityops.app.detail;

import com.cityops.api.Device;
import com.cityops.api.Incident;
import com.cityops.api.IncidentAction;
import com.cityops.api.IncidentStatus;
import com.cityops.api.PersonalDataMasking;
import com.cityops.api.ReporterContact;
import com.cityops.api.Role;
import com.cityops.api.StatusTransition;
import com.cityops.app.fx.FxBridge;
import com.cityops.app.i18n.Messages;
import com.cityops.app.outbox.ActionOutbox;
import com.cityops.app.outbox.OutboxEntry;
import com.cityops.app.shell.Workbench;
import com.cityops.app.state.SignedInUser;
import com.cityops.themes.StyleClasses;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.WindowEvent;

/**
 * The case the operator is working on ({@link Workbench#selectedIncidentIdProperty()}): header, the
 * closed-loop timeline, departments (assigned and suggested by the routing rules), reporter
 * (masked; a supervisor may reveal, which is audited), nearby cameras and sensors (a click flies
 * the map there), the category's SOP checklist, and the actions the role may take with their state
 * in the outbox.
 *
 * <p>Fed through two {@link FxBridge}s — the city state and the outbox — so it redraws at most once
 * per pulse and only when the case, the user or its actions changed. Disk work (queueing an action,
 * SOP ticks, audit records) runs on its own {@link DetailWorker}. FX thread only.
 */
public final class IncidentDetailView {
  static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(CITY_ZONE);
  private static final double DEVICE_ZOOM = 17.5;

  private final Workbench workbench;
  private final Messages messages;
  private final CaseRules rules;
  private final DetailWorker worker = new DetailWorker();
  private final ChecklistStore checklists;
  private final AuditLog audit;
  private final FxBridge<Incident> caseBridge;
  private final FxBridge<List<OutboxEntry>> outboxBridge;
  private final ActionPanel actions;

  private final VBox header = new VBox(6);
  private final VBox timeline = new VBox(4);
  private final VBox departments = new VBox(4);
  private final VBox reporter = new VBox(4);
  private final VBox devices = new VBox(2);
  private final VBox sop = new VBox(4);
  private final Label placeholder = new Label();
  private final ScrollPane scroll;
  private final VBox root;
  private final VBox content;
  private final Node devicesSection;

  private ActionOutbox watchedOutbox;
  private Incident shown;
  private Role shownRole;
  private Role reporterRole;
  private boolean hasShown;
  private int sopGeneration;

  public IncidentDetailView(Workbench workbench) {
    this(workbench, CaseRules.bundled());
  }

  IncidentDetailView(Workbench workbench, CaseRules rules) {
    this.workbench = workbench;
    this.messages = workbench.messages();
    this.rules = rules;
    this.checklists = new ChecklistStore(workbench.dataDir());
    this.audit = new AuditLog(workbench.dataDir());
    this.actions = new ActionPanel(messages, rules, this::backendNow, this::submit);
    this.caseBridge = new FxBridge<>(workbench.fxDoor(), this::selectedCase, this::show);
    this.outboxBridge =
        new FxBridge<>(
            workbench.fxDoor(),
            () -> watchedOutbox == null ? List.<OutboxEntry>of() : watchedOutbox.entries(),
            this::showOutbox);

    devicesSection = section("detail.section.devices", devices);
    content =
        new VBox(
            14,
            header,
            section("detail.section.actions", actions.node()),
            section("detail.section.timeline", timeline),
            section("detail.section.departments", departments),
            section("detail.section.sop", sop),
            devicesSection,
            section("detail.section.reporter", reporter));
    content.getStyleClass().add(StyleClasses.DETAIL_CONTENT);
    timeline.setId("detail-timeline");
    header.setId("detail-header");
    devices.setId("detail-devices");
    sop.setId("detail-sop");
    reporter.setId("detail-reporter");
    departments.setId("detail-departments");
    scroll = new ScrollPane(content);
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    scroll.getStyleClass().add(StyleClasses.DETAIL_SCROLL);
    actions.onFormShown(form -> reveal(scroll, form));
    placeholder.getStyleClass().add(StyleClasses.MUTED);
    placeholder.setWrapText(true);
    placeholder.setId("detail-placeholder");
    StackPane body = new StackPane(scroll, placeholder);
    StackPane.setAlignment(placeholder, Pos.TOP_LEFT);
    VBox.setVgrow(body, Priority.ALWAYS);
    root =
        new VBox(
            8, styled(new Label(messages.get("panel.detail")), StyleClasses.PANEL_TITLE), body);
    root.getStyleClass().addAll(StyleClasses.PANEL, StyleClasses.INCIDENT_DETAIL);
    root.setId("incident-detail");
    root.setMinHeight(0);

    workbench.onStateChange(caseBridge::changed);
    workbench.selectedIncidentIdProperty().addListener((obs, was, now) -> caseBridge.changed());
    workbench.userProperty().addListener((obs, was, now) -> caseBridge.changed());
    closeWithWindow();
    caseBridge.changed();
  }

  /**
   * For a wall's focus panel: the cameras and sensors around the case right under its header —
   * nobody scrolls a wall. FX thread.
   */
  public IncidentDetailView devicesFirst() {
    content.getChildren().remove(devicesSection);
    content.getChildren().add(1, devicesSection);
    return this;
  }

  /**
   * The right column of the workstation: the case queue above, the detail of the selected case
   * below, the divider movable.
   */
  public static SplitPane belowQueue(Node queue, Workbench workbench) {
    SplitPane column = new SplitPane(queue, new IncidentDetailView(workbench).node());
    column.setOrientation(Orientation.VERTICAL);
    column.setDividerPositions(0.55);
    column.getStyleClass().add(StyleClasses.DETAIL_COLUMN);
    column.setMinWidth(440);
    column.setPrefWidth(520);
    return column;
  }

  public Node node() {
    return root;
  }

  // ---- feeding ----------------------------------------------------------------------------------

  private Incident selectedCase() {
    String id = workbench.selectedIncidentIdProperty().get();
    return id == null ? null : workbench.state().incident(id);
  }

  private void show(Incident current) {
    watchOutbox();
    String id = workbench.selectedIncidentIdProperty().get();
    SignedInUser user = workbench.userProperty().get();
    Role role = user == null ? null : user.role();
    if (current == null) {
      shown = null;
      hasShown = true;
      placeholder.setText(
          id == null ? messages.get("detail.none") : messages.format("detail.missing", id));
      ActionPanel.setShown(placeholder, true);
      ActionPanel.setShown(scroll, false);
      return;
    }
    boolean anotherCase = shown == null || !shown.id().equals(current.id());
    if (hasShown && !anotherCase && shown.version() == current.version() && shownRole == role) {
      return; // a state change elsewhere in the city: nothing to redraw here
    }
    shown = current;
    shownRole = role;
    hasShown = true;
    ActionPanel.setShown(placeholder, false);
    ActionPanel.setShown(scroll, true);
    showHeader(current);
    showTimeline(current);
    showDepartments(current);
    List<MergeCandidates.Candidate> duplicates =
        current.status().isOpen() ? MergeCandidates.in(workbench.state(), current) : List.of();
    actions.show(current, role, duplicates, anotherCase);
    if (anotherCase) {
      showReporter(current, role);
      showDevices(current);
      showSop(current);
      scroll.setVvalue(0);
      outboxBridge.changed();
    } else if (reporterRoleChanged(role)) {
      showReporter(current, role);
    }
  }

  private boolean reporterRoleChanged(Role role) {
    return reporterRole != role;
  }

  /** Follows the outbox once the app connected (it is null before). */
  private void watchOutbox() {
    ActionOutbox now = workbench.outbox();
    if (now != null && now != watchedOutbox) {
      watchedOutbox = now;
      now.onChange(entries -> outboxBridge.changed());
      outboxBridge.changed();
    }
  }

  private void showOutbox(List<OutboxEntry> all) {
    if (shown == null) {
      return;
    }
    List<OutboxEntry> mine = new ArrayList<>();
    for (OutboxEntry e : all) {
      if (e.incidentId().equals(shown.id())) {
        mine.add(e);
      }
    }
    actions.showEntries(mine);
  }

  private void submit(IncidentAction action) {
    ActionOutbox outbox = workbench.outbox();
    if (outbox == null) {
      actions.showProblem(messages.get("detail.actions.notConnected"));
      return;
    }
    String id = shown.id();
    String code = shown.code();
    SignedInUser user = workbench.userProperty().get();
    String who = user == null ? "" : user.username();
    Instant at = workbench.clock().instant();
    String what = messages.get("action." + action.type().name().toLowerCase(Locale.ROOT));
    worker.run(
        "queueing " + action.type() + " for case " + id,
        () -> {
          String key = outbox.submit(id, action).key();
          audit.actionQueued(at, who, id, code, action.type().name().toLowerCase(Locale.ROOT), key);
        },
        why ->
            workbench
                .fxDoor()
                .execute(
                    () ->
                        actions.showProblem(
                            messages.format("detail.actions.notQueued", what, why))));
  }

  private Instant backendNow() {
    return workbench.state().summary().backendNow(workbench.clock().instant());
  }

  // ---- sections ---------------------------------------------------------------------------------

  private void showHeader(Incident i) {
    Label level =
        styled(new Label(messages.get("level." + i.level().code())), StyleClasses.LEVEL_BADGE);
    level.setId("detail-level");
    StyleClasses.setState(level, StyleClasses.levelPseudoClass(i.level().code()));
    Label status = styled(new Label(statusName(i.status())), StyleClasses.DETAIL_STATUS);
    status.setId("detail-status");
    Label code = styled(new Label(i.code()), StyleClasses.DETAIL_CODE);
    code.setId("detail-code");
    HBox badges = new HBox(8, level, status, code);
    badges.setAlignment(Pos.CENTER_LEFT);
    if (i.overdue()) {
      Label overdue = styled(new Label(messages.get("queue.overdue")), StyleClasses.DETAIL_OVERDUE);
      badges.getChildren().add(overdue);
    }
    Label title = styled(new Label(i.title()), StyleClasses.DETAIL_TITLE);
    title.setId("detail-title");
    title.setWrapText(true);
    GridPane fields = fieldGrid();
    int row = 0;
    field(fields, row++, "detail.field.category", i.category());
    field(fields, row++, "detail.field.source", messages.get("source." + lower(i.source().name())));
    field(fields, row++, "detail.field.reported", time(i.reportedAt()));
    field(fields, row++, "detail.field.address", i.location().address());
    field(
        fields,
        row++,
        "detail.field.responsible",
        messages.get("responsible." + lower(i.responsibleLevel().name())));
    field(fields, row++, "detail.field.dispatchBy", deadline(i.dispatchDeadline(), i, true));
    field(fields, row++, "detail.field.resolveBy", deadline(i.resolveDeadline(), i, false));
    if (i.mergedInto() != null) {
      Incident target = workbench.state().incident(i.mergedInto());
      field(
          fields,
          row++,
          "detail.field.mergedInto",
          target == null ? i.mergedInto() : target.code() + " " + target.title());
    }
    List<Node> parts = new ArrayList<>(List.of(badges, title, fields));
    if (i.description() != null && !i.description().isBlank()) {
      Label description = styled(new Label(i.description()), StyleClasses.MUTED);
      description.setWrapText(true);
      parts.add(description);
    }
    header.getChildren().setAll(parts);
  }

  private String deadline(Instant at, Incident i, boolean dispatch) {
    boolean met =
        dispatch
            ? i.status().ordinal() >= IncidentStatus.DISPATCHED.ordinal()
            : i.status().ordinal() >= IncidentStatus.FEEDBACK.ordinal();
    String mark =
        met
            ? messages.get("detail.deadline.met")
            : i.overdue() ? messages.get("queue.overdue") : "";
    return time(at) + (mark.isEmpty() ? "" : " " + mark);
  }

  private void showTimeline(Incident i) {
    List<Node> steps = new ArrayList<>();
    for (IncidentStatus step : IncidentStatus.values()) {
      List<StatusTransition> entries =
          i.timeline().stream().filter(t -> t.status() == step).toList();
      boolean current = step == i.status();
      boolean reached = !entries.isEmpty();
      Label marker =
          styled(new Label(current ? "●" : reached ? "✓" : "○"), StyleClasses.TIMELINE_MARKER);
      Label name = styled(new Label(statusName(step)), StyleClasses.TIMELINE_STEP_NAME);
      VBox lines = new VBox(2);
      if (entries.isEmpty()) {
        lines
            .getChildren()
            .add(styled(new Label(messages.get("detail.timeline.notReached")), StyleClasses.MUTED));
      }
      for (StatusTransition t : entries) {
        String who =
            t.role() == null
                ? t.actor()
                : t.actor() + " · " + messages.get("role." + lower(t.role().name()));
        Label line =
            new Label(
                time(t.at())
                    + "  "
                    + who
                    + (t.note() == null || t.note().isBlank() ? "" : "  —  " + t.note()));
        line.setWrapText(true);
        line.getStyleClass().add(StyleClasses.TIMELINE_ENTRY);
        lines.getChildren().add(line);
      }
      HBox.setHgrow(lines, Priority.ALWAYS);
      HBox row = new HBox(8, marker, name, lines);
      row.setId("timeline-" + lower(step.name()));
      row.getStyleClass().add(StyleClasses.TIMELINE_STEP);
      row.pseudoClassStateChanged(PseudoClass.getPseudoClass("reached"), reached && !current);
      row.pseudoClassStateChanged(PseudoClass.getPseudoClass("current"), current);
      row.pseudoClassStateChanged(PseudoClass.getPseudoClass("unreached"), !reached);
      row.setAccessibleText(
          statusName(step)
              + ": "
              + messages.get(
                  current
                      ? "detail.timeline.current"
                      : reached ? "detail.timeline.reached" : "detail.timeline.notReached"));
      steps.add(row);
    }
    timeline.getChildren().setAll(steps);
  }

  private void showDepartments(Incident i) {
    Label assigned =
        new Label(
            messages.format(
                "detail.departments.assigned",
                i.departments().isEmpty()
                    ? messages.get("detail.departments.noneYet")
                    : String.join("、", i.departments())));
    assigned.setId("detail-assigned");
    assigned.setWrapText(true);
    Label suggested =
        styled(
            new Label(
                messages.format(
                    "detail.departments.suggested",
                    String.join("、", rules.suggestedDepartments(i.category(), i.level())))),
            StyleClasses.MUTED);
    suggested.setId("detail-suggested");
    suggested.setWrapText(true);
    departments.getChildren().setAll(assigned, suggested);
  }

  private void showReporter(Incident i, Role role) {
    reporterRole = role;
    ReporterContact contact = i.reporter();
    if (contact == null) {
      reporter
          .getChildren()
          .setAll(styled(new Label(messages.get("detail.reporter.none")), StyleClasses.MUTED));
      return;
    }
    GridPane grid = fieldGrid();
    personal(
        grid,
        0,
        "name",
        contact.name(),
        PersonalDataMasking.name(contact.name()),
        contact.masked(),
        role,
        i);
    personal(
        grid,
        1,
        "phone",
        contact.phone(),
        PersonalDataMasking.phone(contact.phone()),
        contact.masked(),
        role,
        i);
    if (contact.idNumber() != null) {
      personal(
          grid,
          2,
          "idNumber",
          contact.idNumber(),
          PersonalDataMasking.idNumber(contact.idNumber()),
          contact.masked(),
          role,
          i);
    }
    Label note =
        styled(
            new Label(
                messages.get(
                    contact.masked()
                        ? "detail.reporter.maskedByServer"
                        : role != null && role.seesPersonalData()
                            ? "detail.reporter.revealAudited"
                            : "detail.reporter.maskedHere")),
            StyleClasses.MUTED);
    note.setWrapText(true);
    reporter.getChildren().setAll(grid, note);
  }

  /** One personal field: masked; a role that may see it gets a reveal button that is audited. */
  private void personal(
      GridPane grid,
      int row,
      String field,
      String value,
      String masked,
      boolean maskedByServer,
      Role role,
      Incident i) {
    Label name =
        styled(new Label(messages.get("detail.reporter." + field)), StyleClasses.DETAIL_FIELD_NAME);
    Label shownValue =
        styled(new Label(maskedByServer ? value : masked), StyleClasses.DETAIL_FIELD_VALUE);
    shownValue.setId("reporter-" + field);
    HBox cell = new HBox(8, shownValue);
    cell.setAlignment(Pos.CENTER_LEFT);
    if (!maskedByServer && role != null && role.seesPersonalData() && value != null) {
      Button reveal = new Button(messages.get("detail.reporter.reveal"));
      reveal.setId("reveal-" + field);
      reveal.getStyleClass().add(StyleClasses.DETAIL_LINK);
      SignedInUser user = workbench.userProperty().get();
      String who = user == null ? "?" : user.username();
      reveal.setOnAction(
          e -> {
            reveal.setDisable(true);
            Instant at = workbench.clock().instant();
            // Audit first: a reveal that cannot be recorded does not happen.
            worker.run(
                "writing the audit record for " + i.code(),
                () -> {
                  audit.revealed(at, who, i.id(), i.code(), "reporter." + field);
                  workbench
                      .fxDoor()
                      .execute(
                          () -> {
                            shownValue.setText(value);
                            cell.getChildren().remove(reveal);
                          });
                },
                why ->
                    workbench
                        .fxDoor()
                        .execute(
                            () -> {
                              reveal.setDisable(false);
                              actions.showProblem(
                                  messages.format("detail.reporter.auditFailed", why));
                            }));
          });
      cell.getChildren().add(reveal);
    }
    grid.add(name, 0, row);
    grid.add(cell, 1, row);
  }

  private void showDevices(Incident i) {
    List<NearbyDevices.Nearby> near =
        NearbyDevices.around(
            i.location(), workbench.state().devices(), NearbyDevices.RADIUS_M, NearbyDevices.LIMIT);
    List<Node> rows = new ArrayList<>();
    if (near.isEmpty()) {
      rows.add(
          styled(
              new Label(messages.format("detail.devices.none", (int) NearbyDevices.RADIUS_M)),
              StyleClasses.MUTED));
    }
    for (NearbyDevices.Nearby n : near) {
      Device d = n.device();
      Button row =
          new Button(
              messages.format(
                  "detail.devices.row",
                  messages.get("device.type." + lower(d.type().name())),
                  d.name(),
                  Math.round(n.metres()),
                  messages.get("device.status." + lower(d.status().name()))
                      + (d.alarm() ? " · " + messages.get("devices.alarm") : "")));
      row.setId("nearby-" + d.id());
      row.getStyleClass().add(StyleClasses.DETAIL_LINK);
      row.setMaxWidth(Double.MAX_VALUE);
      row.setAlignment(Pos.CENTER_LEFT);
      row.setOnAction(
          e -> workbench.map().flyTo(d.location().lon(), d.location().lat(), DEVICE_ZOOM));
      rows.add(row);
    }
    devices.getChildren().setAll(rows);
  }

  private void showSop(Incident i) {
    List<String> steps = rules.sopSteps(i.category());
    List<CheckBox> boxes = new ArrayList<>();
    Set<Integer> ticked = new TreeSet<>();
    int generation = ++sopGeneration;
    for (int n = 0; n < steps.size(); n++) {
      CheckBox box = new CheckBox((n + 1) + ". " + steps.get(n));
      box.setId("sop-step-" + n);
      box.setWrapText(true);
      box.setDisable(true); // until the saved ticks are read
      int step = n;
      box.selectedProperty()
          .addListener(
              (obs, was, now) -> {
                if (box.isDisabled()) {
                  return; // being filled from disk, not ticked by the operator
                }
                if (now) {
                  ticked.add(step);
                } else {
                  ticked.remove(step);
                }
                Set<Integer> copy = Set.copyOf(ticked);
                Instant at = workbench.clock().instant();
                worker.run(
                    "saving the SOP ticks of " + i.code(),
                    () -> checklists.save(i.id(), copy, at),
                    why -> workbench.fxDoor().execute(() -> actions.showProblem(why)));
              });
      boxes.add(box);
    }
    Label progress = styled(new Label(), StyleClasses.MUTED);
    List<Node> rows = new ArrayList<>(boxes);
    rows.add(progress);
    sop.getChildren().setAll(rows);
    Runnable count =
        () -> progress.setText(messages.format("detail.sop.progress", ticked.size(), steps.size()));
    boxes.forEach(b -> b.selectedProperty().addListener((obs, was, now) -> count.run()));
    count.run();
    String id = i.id();
    worker.run(
        "reading the SOP ticks of " + i.code(),
        () -> {
          Set<Integer> saved = checklists.load(id);
          workbench
              .fxDoor()
              .execute(
                  () -> {
                    if (generation != sopGeneration) {
                      return; // another case is shown by now
                    }
                    for (int n = 0; n < boxes.size(); n++) {
                      boxes.get(n).setSelected(saved.contains(n));
                      if (saved.contains(n)) {
                        ticked.add(n);
                      }
                    }
                    boxes.forEach(b -> b.setDisable(false));
                    count.run();
                  });
        },
        why -> workbench.fxDoor().execute(() -> boxes.forEach(b -> b.setDisable(false))));
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private void closeWithWindow() {
    root.sceneProperty()
        .addListener(
            (obs, was, scene) -> {
              if (scene != null) {
                scene
                    .windowProperty()
                    .addListener(
                        (o, before, window) -> {
                          if (window != null) {
                            window.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> worker.close());
                          }
                        });
              }
            });
  }

  private Node section(String titleKey, Node body) {
    VBox box =
        new VBox(6, styled(new Label(messages.get(titleKey)), StyleClasses.DETAIL_SUBTITLE), body);
    box.getStyleClass().add(StyleClasses.DETAIL_SECTION);
    return box;
  }

  private static GridPane fieldGrid() {
    GridPane grid = new GridPane();
    grid.setHgap(10);
    grid.setVgap(3);
    ColumnConstraints names = new ColumnConstraints();
    names.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    ColumnConstraints values = new ColumnConstraints();
    values.setHgrow(Priority.ALWAYS);
    grid.getColumnConstraints().addAll(names, values);
    return grid;
  }

  private void field(GridPane grid, int row, String key, String value) {
    Label name = styled(new Label(messages.get(key)), StyleClasses.DETAIL_FIELD_NAME);
    Label shownValue = styled(new Label(value), StyleClasses.DETAIL_FIELD_VALUE);
    shownValue.setWrapText(true);
    shownValue.setId(key.replace('.', '-'));
    grid.add(name, 0, row);
    grid.add(shownValue, 1, row);
  }

  private String statusName(IncidentStatus status) {
    return messages.get("status." + lower(status.name()));
  }

  static String time(Instant at) {
    return at == null ? "—" : TIME.format(at);
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private static <T extends Node> T styled(T node, String styleClass) {
    node.getStyleClass().add(styleClass);
    return node;
  }

  /**
   * Scrolls so that {@code node} (inside the scroll's content) is in view: an action form opened in
   * a short detail pane would otherwise open below its bottom edge.
   */
  static void reveal(ScrollPane scroll, Node node) {
    scroll.applyCss();
    scroll.layout();
    Node content = scroll.getContent();
    javafx.geometry.Bounds b = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
    double contentHeight = content.getBoundsInLocal().getHeight();
    double viewHeight = scroll.getViewportBounds().getHeight();
    double range = contentHeight - viewHeight;
    if (range <= 0) {
      return;
    }
    double top = scroll.getVvalue() * range;
    if (b.getMaxY() > top + viewHeight) {
      top = Math.min(b.getMaxY() - viewHeight, b.getMinY());
    } else if (b.getMinY() < top) {
      top = b.getMinY();
    }
    scroll.setVvalue(Math.max(0, Math.min(1, top / range)));
  }
}
