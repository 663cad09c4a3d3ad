package com.cityops.app.detail;

import com.cityops.api.ActionType;
import com.cityops.api.Incident;
import com.cityops.api.IncidentAction;
import com.cityops.api.IncidentLevel;
import com.cityops.api.Role;
import com.cityops.app.i18n.Messages;
import com.cityops.app.outbox.OutboxEntry;
import com.cityops.themes.StyleClasses;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The actions part of the case detail: one button per action the role has, enabled only when the
 * case's state allows it (a disabled one says why in its tooltip), an inline form to fill in what
 * the action needs (departments and deadline for 派单, pass/fail for 核查, the duplicate for 合并, a note
 * for all), and the state of this case's actions in the outbox: pending, confirmed, or refused with
 * the server's reason.
 *
 * <p>FX thread only.
 */
final class ActionPanel {
  private static final List<Duration> DEADLINES =
      List.of(
          Duration.ofMinutes(30),
          Duration.ofHours(1),
          Duration.ofHours(2),
          Duration.ofHours(4),
          Duration.ofHours(8));
  private static final int ENTRIES_SHOWN = 8;

  private final Messages messages;
  private final CaseRules rules;
  private final Supplier<Instant> backendNow;
  private final Consumer<IncidentAction> submit;
  private final Map<ActionType, Button> buttons = new java.util.EnumMap<>(ActionType.class);
  private final Map<ActionType, Tooltip> tips = new java.util.EnumMap<>(ActionType.class);
  private final FlowPane buttonRow = new FlowPane(6, 6);
  private final Label noActions = styled(new Label(), StyleClasses.MUTED);
  private final Label duplicatesHint = styled(new Label(), StyleClasses.DETAIL_HINT);
  private final VBox form = new VBox(6);
  private java.util.function.Consumer<Node> onFormShown = n -> {};
  private final Label problem = styled(new Label(), StyleClasses.DETAIL_PROBLEM);
  private final VBox entries = new VBox(4);
  private final VBox root;
  private Incident incident;
  private Map<ActionType, ActionRules.Availability> availability = Map.of();
  private List<MergeCandidates.Candidate> candidates = List.of();
  private ActionType openForm;

  ActionPanel(
      Messages messages,
      CaseRules rules,
      Supplier<Instant> backendNow,
      Consumer<IncidentAction> submit) {
    this.messages = messages;
    this.rules = rules;
    this.backendNow = backendNow;
    this.submit = submit;
    for (ActionType type : ActionType.values()) {
      Button button = new Button(messages.get("detail.do." + name(type)));
      button.setId("action-" + name(type));
      button.getStyleClass().add(StyleClasses.DETAIL_ACTION);
      button.setOnAction(e -> open(type));
      // A disabled button gets no mouse events, so the reason's tooltip sits on a wrapper.
      StackPane wrapper = new StackPane(button);
      wrapper.setId("action-wrap-" + name(type));
      Tooltip tip = new Tooltip();
      tip.setWrapText(true);
      tip.setMaxWidth(360);
      Tooltip.install(wrapper, tip);
      tips.put(type, tip);
      buttons.put(type, button);
      buttonRow.getChildren().add(wrapper);
    }
    noActions.setId("actions-none");
    noActions.setWrapText(true);
    form.setId("action-form");
    form.getStyleClass().add(StyleClasses.DETAIL_FORM);
    problem.setId("action-problem");
    problem.setWrapText(true);
    entries.setId("action-status");
    root =
        new VBox(
            8,
            buttonRow,
            noActions,
            duplicatesHint,
            form,
            problem,
            styled(new Label(messages.get("detail.actions.status")), StyleClasses.DETAIL_SUBTITLE),
            entries);
    hide(form);
    hide(problem);
    hide(duplicatesHint);
  }

  Node node() {
    return root;
  }

  /** Shows what can be done to this version of the case by this role. */
  void show(
      Incident current,
      Role role,
      List<MergeCandidates.Candidate> duplicates,
      boolean anotherCase) {
    this.incident = current;
    this.candidates = duplicates;
    this.availability = ActionRules.of(current, role, duplicates.size(), messages);
    boolean mayAct = role != null && role.mayAct();
    buttonRow.setVisible(mayAct);
    buttonRow.setManaged(mayAct);
    noActions.setText(
        role == null
            ? messages.get("detail.actions.signedOut")
            : messages.format(
                "detail.actions.none", messages.get("role." + role.name().toLowerCase())));
    noActions.setVisible(!mayAct);
    noActions.setManaged(!mayAct);
    for (ActionType type : ActionType.values()) {
      ActionRules.Availability a = availability.get(type);
      Button button = buttons.get(type);
      button.setDisable(!a.enabled());
      tips.get(type).setText(a.enabled() ? hint(type, current) : a.reason());
      button.setAccessibleHelp(a.enabled() ? hint(type, current) : a.reason());
    }
    duplicatesHint.setText(
        duplicates.isEmpty()
            ? ""
            : messages.format(
                "detail.merge.hint", duplicates.size(), (int) MergeCandidates.WITHIN_M));
    setShown(duplicatesHint, mayAct && !duplicates.isEmpty() && current.status().isOpen());
    if (anotherCase) {
      closeForm();
      hide(problem);
    } else if (openForm != null && !availability.get(openForm).enabled()) {
      closeForm(); // the case moved on (or the role changed): the form no longer applies
    }
  }

  /** This case's actions in the outbox, newest first. */
  void showEntries(List<OutboxEntry> forThisCase) {
    List<Node> rows = new ArrayList<>();
    for (int i = forThisCase.size() - 1; i >= 0 && rows.size() < ENTRIES_SHOWN; i--) {
      rows.add(entryRow(forThisCase.get(i)));
    }
    if (rows.isEmpty()) {
      rows.add(styled(new Label(messages.get("detail.actions.noneSent")), StyleClasses.MUTED));
    }
    entries.getChildren().setAll(rows);
  }

  /** Something went wrong on this side (the action could not even be queued). */
  void showProblem(String text) {
    problem.setText("✗ " + text);
    setShown(problem, true);
  }

  private Node entryRow(OutboxEntry entry) {
    String what = messages.get("action." + name(entry.action().type()));
    String when = IncidentDetailView.time(entry.queuedAt());
    String state =
        switch (entry.state()) {
          case PENDING ->
              entry.attempts() == 0 || entry.reason() == null
                  ? messages.get("detail.outbox.pending")
                  : messages.format("detail.outbox.retrying", entry.attempts(), entry.reason());
          case CONFIRMED -> messages.get("detail.outbox.confirmed");
          case REJECTED ->
              messages.format(
                  "detail.outbox.rejected",
                  ServerReason.status(entry.reason()),
                  ServerReason.readable(entry.reason()));
        };
    Label row = new Label(what + " · " + when + " · " + state);
    row.setWrapText(true);
    row.getStyleClass().add(StyleClasses.DETAIL_OUTBOX_ENTRY);
    for (OutboxEntry.State s : OutboxEntry.State.values()) {
      row.pseudoClassStateChanged(
          PseudoClass.getPseudoClass(s.name().toLowerCase()), s == entry.state());
    }
    if (entry.reason() != null) {
      Tooltip tip = new Tooltip(entry.reason());
      tip.setWrapText(true);
      tip.setMaxWidth(480);
      row.setTooltip(tip);
    }
    return row;
  }

  private String hint(ActionType type, Incident current) {
    return switch (type) {
      case ESCALATE -> {
        IncidentLevel next = current.level().escalated();
        yield messages.format(
            "detail.escalate.to",
            messages.get("level." + next.code()),
            messages.get("responsible." + next.responsibleLevel().name().toLowerCase()));
      }
      default -> messages.get("detail.hint." + name(type));
    };
  }

  // ---- the inline form --------------------------------------------------------------------------

  private void open(ActionType type) {
    if (incident == null || !availability.get(type).enabled()) {
      return;
    }
    openForm = type;
    hide(problem);
    List<Node> parts = new ArrayList<>();
    Label title =
        styled(
            new Label(messages.get("detail.do." + name(type)) + " · " + incident.code()),
            StyleClasses.DETAIL_SUBTITLE);
    parts.add(title);
    TextField note = new TextField();
    note.setId("action-note");
    note.setPromptText(messages.get("detail.note.prompt." + name(type)));
    Label formError = styled(new Label(), StyleClasses.DETAIL_PROBLEM);
    formError.setWrapText(true);
    hide(formError);
    Button send = new Button(messages.get("detail.send"));
    send.setId("action-send");
    send.setDefaultButton(true);
    send.getStyleClass().add(StyleClasses.DETAIL_ACTION);
    Button cancel = new Button(messages.get("detail.cancel"));
    cancel.setId("action-cancel");
    cancel.setCancelButton(true);
    cancel.setOnAction(e -> closeForm());
    HBox sendRow = new HBox(6, send);
    switch (type) {
      case DISPATCH -> {
        List<String> suggested = rules.suggestedDepartments(incident.category(), incident.level());
        FlowPane departments = new FlowPane(8, 4);
        departments.setId("dispatch-departments");
        List<CheckBox> boxes = new ArrayList<>();
        for (String d : rules.departments()) {
          CheckBox box = new CheckBox(suggested.contains(d) ? d + " ★" : d);
          box.setUserData(d);
          box.setSelected(suggested.contains(d));
          boxes.add(box);
          departments.getChildren().add(box);
        }
        ComboBox<Duration> deadline = new ComboBox<>();
        deadline.setId("dispatch-deadline");
        deadline.getItems().add(null);
        deadline.getItems().addAll(DEADLINES);
        Instant base = backendNow.get();
        deadline.setConverter(new DeadlineText(base, incident.resolveDeadline()));
        deadline.setButtonCell(
            new javafx.scene.control.cell.ComboBoxListCell<>(deadline.getConverter()));
        deadline.getSelectionModel().select(0);
        parts.add(
            styled(new Label(messages.get("detail.dispatch.departments")), StyleClasses.MUTED));
        parts.add(departments);
        parts.add(
            new HBox(
                8,
                styled(new Label(messages.get("detail.dispatch.deadline")), StyleClasses.MUTED),
                deadline));
        send.setOnAction(
            e -> {
              List<String> chosen =
                  boxes.stream()
                      .filter(CheckBox::isSelected)
                      .map(b -> (String) b.getUserData())
                      .toList();
              if (chosen.isEmpty()) {
                formError.setText(messages.get("detail.dispatch.noDepartment"));
                setShown(formError, true);
                return;
              }
              Duration within = deadline.getValue();
              Instant due = within == null ? null : backendNow.get().plus(within);
              send(IncidentAction.dispatch(chosen, due, note.getText()));
            });
      }
      case VERIFY -> {
        send.setText(messages.get("detail.verify.pass"));
        Button fail = new Button(messages.get("detail.verify.fail"));
        fail.setId("action-send-fail");
        fail.getStyleClass().add(StyleClasses.DETAIL_ACTION);
        send.setOnAction(e -> send(IncidentAction.verify(true, note.getText())));
        fail.setOnAction(e -> send(IncidentAction.verify(false, note.getText())));
        sendRow.getChildren().add(fail);
      }
      case MERGE -> {
        ToggleGroup group = new ToggleGroup();
        VBox choices = new VBox(4);
        choices.setId("merge-candidates");
        for (int i = 0; i < candidates.size(); i++) {
          MergeCandidates.Candidate c = candidates.get(i);
          long minutes =
              Duration.between(incident.reportedAt(), c.incident().reportedAt()).abs().toMinutes();
          RadioButton choice =
              new RadioButton(
                  messages.format(
                      "detail.merge.candidate",
                      c.incident().code(),
                      c.incident().title(),
                      Math.round(c.metres()),
                      minutes));
          choice.setId("merge-candidate-" + i);
          choice.setUserData(c.incident().id());
          choice.setToggleGroup(group);
          choice.setSelected(i == 0);
          choices.getChildren().add(choice);
        }
        parts.add(styled(new Label(messages.get("detail.merge.choose")), StyleClasses.MUTED));
        parts.add(choices);
        send.setOnAction(
            e -> {
              if (group.getSelectedToggle() == null) {
                return;
              }
              send(
                  IncidentAction.merge(
                      (String) group.getSelectedToggle().getUserData(), note.getText()));
            });
      }
      case ESCALATE -> {
        parts.add(styled(new Label(hint(type, incident)), StyleClasses.MUTED));
        send.setOnAction(e -> send(IncidentAction.of(type, note.getText())));
      }
      default -> send.setOnAction(e -> send(IncidentAction.of(type, note.getText())));
    }
    parts.add(note);
    parts.add(formError);
    sendRow.getChildren().add(cancel);
    sendRow.setAlignment(Pos.CENTER_LEFT);
    parts.add(sendRow);
    form.getChildren().setAll(parts);
    setShown(form, true);
    onFormShown.accept(form);
  }

  /** Called with the form when one opens (the detail scrolls it into view). */
  void onFormShown(java.util.function.Consumer<Node> listener) {
    this.onFormShown = listener;
  }

  private void send(IncidentAction action) {
    closeForm();
    submit.accept(action);
  }

  private void closeForm() {
    openForm = null;
    form.getChildren().clear();
    hide(form);
  }

  /** "By the level's deadline (…)" for null, "within 2 hours (due …)" for a duration. */
  private final class DeadlineText extends StringConverter<Duration> {
    private final Instant base;
    private final Instant levelDeadline;

    DeadlineText(Instant base, Instant levelDeadline) {
      this.base = base;
      this.levelDeadline = levelDeadline;
    }

    @Override
    public String toString(Duration d) {
      if (d == null) {
        return messages.format(
            "detail.dispatch.deadline.level", IncidentDetailView.time(levelDeadline));
      }
      String span =
          d.toHours() >= 1
              ? messages.format("duration.hours", d.toHours())
              : messages.format("duration.minutes", d.toMinutes());
      return messages.format(
          "detail.dispatch.deadline.within", span, IncidentDetailView.time(base.plus(d)));
    }

    @Override
    public Duration fromString(String text) {
      throw new UnsupportedOperationException("the deadline is picked, not typed");
    }
  }

  private static String name(ActionType type) {
    return type.name().toLowerCase();
  }

  private static void hide(Node node) {
    setShown(node, false);
  }

  static void setShown(Node node, boolean shown) {
    node.setVisible(shown);
    node.setManaged(shown);
  }

  private static <T extends Node> T styled(T node, String styleClass) {
    node.getStyleClass().add(styleClass);
    return node;
  }
}
