package com.cityops.sim.world;

import static com.cityops.api.IncidentStatus.CLOSED;
import static com.cityops.api.IncidentStatus.DISCOVERED;
import static com.cityops.api.IncidentStatus.DISPATCHED;
import static com.cityops.api.IncidentStatus.FEEDBACK;
import static com.cityops.api.IncidentStatus.HANDLING;
import static com.cityops.api.IncidentStatus.REGISTERED;
import static com.cityops.api.IncidentStatus.VERIFYING;

import com.cityops.api.ActionType;
import com.cityops.api.Incident;
import com.cityops.api.IncidentAction;
import com.cityops.api.IncidentLevel;
import com.cityops.api.IncidentStatus;
import com.cityops.api.ProblemType;
import com.cityops.api.Role;
import com.cityops.api.StatusTransition;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The closed loop 发现 → 立案 → 派单 → 处置 → 反馈 → 核查 → 结案: which operator actions are legal in which
 * state, and how departments move cases along by themselves when no operator acts first. Pure and
 * deterministic: auto-advance times derive from the case id, so a replayed journal reproduces them.
 */
public final class CaseWorkflow {
  /** Departments the routing rules know; dispatching to others is refused. */
  public static final Set<String> DEPARTMENTS =
      Set.of(
          "城管", "交通", "应急", "水务", "交警", "公安", "消防", "燃气", "生态环境", "市场监管", "住建", "绿化市容", "规划资源",
          "街镇");

  private static final Set<ActionType> SUPERVISOR_ONLY_FOR_MAJOR = EnumSet.of(ActionType.CLOSE);

  private final Function<String, String> communityOfGrid;

  /**
   * @param communityOfGrid the residents' committee (居委会) of a grid code, for notifications
   */
  public CaseWorkflow(Function<String, String> communityOfGrid) {
    this.communityOfGrid = communityOfGrid;
  }

  /**
   * Applies an operator action, or throws {@link ActionRejected} saying why not.
   *
   * @param lookup finds other cases (the merge target)
   */
  public Incident apply(
      Incident incident,
      IncidentAction action,
      String actor,
      Role role,
      Instant now,
      Function<String, Optional<Incident>> lookup) {
    if (!role.mayAct()) {
      throw new ActionRejected(
          ProblemType.FORBIDDEN,
          "role " + role.name().toLowerCase() + " may view cases but not act on them");
    }
    if (action.type() == null) {
      throw new ActionRejected(
          ProblemType.INVALID_REQUEST,
          "action 'type' is required: one of " + List.of(ActionType.values()));
    }
    if (incident.status() == CLOSED) {
      throw illegal(incident, action.type(), "the case is already closed (结案)");
    }
    if (SUPERVISOR_ONLY_FOR_MAJOR.contains(action.type())
        && incident.level().code() <= 2
        && role != Role.SUPERVISOR) {
      throw new ActionRejected(
          ProblemType.FORBIDDEN,
          "closing a level " + incident.level().roman() + " case needs a supervisor");
    }
    String note = action.note() == null ? "" : action.note();
    IncidentEdit edit = IncidentEdit.of(incident);
    switch (action.type()) {
      case ACK -> {
        requireStatus(incident, action.type(), DISCOVERED);
        edit.moveTo(REGISTERED, now, actor, role, join("受理立案", note));
      }
      case DISPATCH -> {
        requireStatus(incident, action.type(), DISCOVERED, REGISTERED, DISPATCHED);
        List<String> departments = validDepartments(action.departments());
        if (action.deadline() != null) {
          if (!action.deadline().isAfter(now)) {
            throw new ActionRejected(
                ProblemType.INVALID_REQUEST,
                "dispatch deadline " + action.deadline() + " is not in the future");
          }
          edit.resolveDeadline(action.deadline());
        }
        if (incident.status() == DISCOVERED) {
          edit.moveTo(REGISTERED, now, actor, role, "受理立案");
        }
        String what = "派单至" + String.join("、", departments) + notified(incident);
        if (incident.status() == DISPATCHED) {
          edit.note(now, actor, role, join("改派：" + what, note));
        } else {
          edit.moveTo(DISPATCHED, now, actor, role, join(what, note));
        }
        edit.departments(departments);
      }
      case ESCALATE -> {
        if (incident.level() == IncidentLevel.I) {
          throw illegal(incident, action.type(), "level Ⅰ is the highest level");
        }
        IncidentLevel next = incident.level().escalated();
        edit.level(next)
            .note(
                now,
                actor,
                role,
                join(
                    "升级为"
                        + next.roman()
                        + "级（"
                        + next.zhName()
                        + "），移交"
                        + next.responsibleLevel().zhName(),
                    note));
      }
      case FEEDBACK -> {
        requireStatus(incident, action.type(), DISPATCHED, HANDLING);
        if (incident.status() == DISPATCHED) {
          edit.moveTo(HANDLING, now, actor, role, "到场处置");
        }
        edit.moveTo(FEEDBACK, now, actor, role, join("处置反馈", note));
      }
      case VERIFY -> {
        requireStatus(incident, action.type(), FEEDBACK);
        requireIndependentCheck(incident, action.type(), handlerRole(incident.timeline()), role);
        boolean passed = action.passed() == null || action.passed();
        if (passed) {
          edit.moveTo(VERIFYING, now, actor, role, join("核查通过", note));
        } else {
          edit.moveTo(HANDLING, now, actor, role, join("核查未通过，退回处置", note));
        }
      }
      case CLOSE -> {
        requireStatus(incident, action.type(), VERIFYING);
        requireIndependentCheck(
            incident, action.type(), handlerRole(incident.timeline()), verifierRole(incident));
        edit.moveTo(CLOSED, now, actor, role, join("结案", note));
      }
      case MERGE -> {
        String targetId = action.targetId();
        if (targetId == null || targetId.isBlank()) {
          throw new ActionRejected(
              ProblemType.INVALID_REQUEST, "merge needs 'targetId', the case this one duplicates");
        }
        if (targetId.equals(incident.id())) {
          throw new ActionRejected(
              ProblemType.INVALID_REQUEST, "a case cannot be merged into itself");
        }
        Incident target =
            lookup
                .apply(targetId)
                .orElseThrow(
                    () ->
                        new ActionRejected(
                            ProblemType.INVALID_REQUEST,
                            "merge target " + targetId + " does not exist"));
        if (target.status() == CLOSED) {
          throw illegal(
              incident, action.type(), "merge target " + target.code() + " is already closed");
        }
        edit.mergedInto(targetId)
            .moveTo(CLOSED, now, actor, role, join("合并至" + target.code(), note));
      }
      default -> throw new IllegalStateException("unhandled action " + action.type());
    }
    return settled(edit.done(), now);
  }

  /**
   * What the departments would have done by {@code now} if no operator acts: the next step of the
   * loop when it is due, else empty.
   */
  public Optional<Incident> autoAdvance(Incident incident, CaseCategory category, Instant now) {
    IncidentStatus status = incident.status();
    if (status == CLOSED) {
      return Optional.empty();
    }
    Instant since = incident.timeline().get(incident.timeline().size() - 1).at();
    if (now.isBefore(since.plus(delay(incident, category)))) {
      return Optional.empty();
    }
    IncidentEdit edit = IncidentEdit.of(incident);
    String firstDept = incident.departments().isEmpty() ? "街镇" : incident.departments().get(0);
    switch (status) {
      case DISCOVERED -> edit.moveTo(REGISTERED, now, "平台自动立案", "按" + category.name() + "类自动立案");
      case REGISTERED -> {
        List<String> departments = routeFor(incident, category);
        edit.departments(departments)
            .moveTo(
                DISPATCHED,
                now,
                "智能派单",
                "派单至" + String.join("、", departments) + notified(incident));
      }
      case DISPATCHED -> edit.moveTo(HANDLING, now, departments(incident), firstDept + "已到场处置");
      case HANDLING -> edit.moveTo(FEEDBACK, now, departments(incident), "处置完毕，上传现场照片");
      case FEEDBACK -> edit.moveTo(VERIFYING, now, "网格员核查", "现场核查通过");
      case VERIFYING ->
          edit.moveTo(CLOSED, now, incident.level().code() <= 2 ? "市级中心值班长" : "平台结案", "结案归档");
      default -> throw new IllegalStateException("unhandled status " + status);
    }
    return Optional.of(settled(edit.done(), now));
  }

  /** The case with its overdue flag as of {@code now}, or the same instance when unchanged. */
  public Incident withOverdue(Incident incident, Instant now) {
    boolean overdue = isOverdue(incident, now);
    if (overdue == incident.overdue()) {
      return incident;
    }
    return incident.withOverdue(overdue, incident.version() + 1);
  }

  /** A freshly changed case with its overdue flag brought up to date, in the same version. */
  private static Incident settled(Incident changed, Instant now) {
    boolean overdue = isOverdue(changed, now);
    return overdue == changed.overdue() ? changed : changed.withOverdue(overdue, changed.version());
  }

  /**
   * Past the deadline of its current stage: not dispatched by the dispatch deadline, or not
   * resolved by the resolution deadline.
   */
  public static boolean isOverdue(Incident incident, Instant now) {
    IncidentStatus status = incident.status();
    if (status == CLOSED) {
      return false;
    }
    boolean notDispatched = status.ordinal() < DISPATCHED.ordinal();
    boolean notResolved = status.ordinal() < FEEDBACK.ordinal();
    return (notDispatched && now.isAfter(incident.dispatchDeadline()))
        || (notResolved && now.isAfter(incident.resolveDeadline()));
  }

  /** The departments the routing rules pick: the category's, plus the street office for Ⅳ. */
  public static List<String> routeFor(Incident incident, CaseCategory category) {
    return category.departments();
  }

  private String notified(Incident incident) {
    if (!"道路积水".equals(incident.category())) {
      return "";
    }
    String community = communityOfGrid.apply(incident.location().gridCode());
    return community == null ? "" : "；已通知周边社区：" + community;
  }

  /** How long the current stage lasts when departments work alone; deterministic per case. */
  static Duration delay(Incident incident, CaseCategory category) {
    double u = unit(incident.id(), incident.status());
    return switch (incident.status()) {
        // Urgent classes and Ⅰ/Ⅱ must be dispatched within 5 minutes of the report: 立案 + 派单 ≤ 4
        // min.
      case DISCOVERED -> urgent(incident, category) ? minutes(0.5 + u) : minutes(1 + 3 * u);
      case REGISTERED ->
          urgent(incident, category)
              ? minutes(0.5 + 2 * u)
              : u < 0.05 ? minutes(35 + 20 * u) : minutes(3 + 17 * u);
      case DISPATCHED -> minutes(2 + 8 * u);
      case HANDLING -> {
        double factor = u < 0.06 ? 3.0 : 0.5 + 1.1 * u;
        yield minutes(category.handling().toMinutes() * factor);
      }
      case FEEDBACK -> minutes(5 + 15 * u);
      case VERIFYING -> minutes(3 + 12 * u);
      case CLOSED -> Duration.ZERO;
    };
  }

  private static boolean urgent(Incident incident, CaseCategory category) {
    return category.urgent() || incident.level().code() <= 2;
  }

  private static double unit(String id, IncidentStatus status) {
    long h = (id.hashCode() * 0x9E3779B97F4A7C15L) ^ (status.ordinal() * 0xBF58476D1CE4E5B9L);
    h ^= h >>> 31;
    h *= 0x94D049BB133111EBL;
    h ^= h >>> 29;
    return (h >>> 11) / (double) (1L << 53);
  }

  private static Duration minutes(double m) {
    return Duration.ofSeconds(Math.round(m * 60));
  }

  private static String departments(Incident incident) {
    return incident.departments().isEmpty() ? "街镇" : String.join("、", incident.departments());
  }

  private static List<String> validDepartments(List<String> departments) {
    if (departments == null || departments.isEmpty()) {
      throw new ActionRejected(
          ProblemType.INVALID_REQUEST, "dispatch needs at least one department in 'departments'");
    }
    for (String d : departments) {
      if (!DEPARTMENTS.contains(d)) {
        throw new ActionRejected(
            ProblemType.INVALID_REQUEST,
            "unknown department '" + d + "'; known: " + DEPARTMENTS.stream().sorted().toList());
      }
    }
    return List.copyOf(departments);
  }

  private static void requireStatus(Incident incident, ActionType type, IncidentStatus... allowed) {
    for (IncidentStatus s : allowed) {
      if (incident.status() == s) {
        return;
      }
    }
    StringBuilder names = new StringBuilder();
    for (IncidentStatus s : allowed) {
      names
          .append(names.length() == 0 ? "" : ", ")
          .append(s.name().toLowerCase())
          .append(" (")
          .append(s.zhName())
          .append(')');
    }
    throw illegal(
        incident,
        type,
        "it is allowed only in "
            + names
            + ", but the case is "
            + incident.status().name().toLowerCase()
            + " ("
            + incident.status().zhName()
            + ")");
  }

  /**
   * 核查 is an independent check: the role that verifies must differ from the console role that
   * reported the handling (反馈). Steps by departments, field workers or the platform carry no role
   * and count as independent of any console role.
   */
  private static void requireIndependentCheck(
      Incident incident, ActionType type, Role handler, Role verifier) {
    if (handler != null && handler == verifier) {
      String who = handler.name().toLowerCase();
      throw new ActionRejected(
          ProblemType.INDEPENDENT_VERIFICATION_REQUIRED,
          "cannot "
              + type.name().toLowerCase()
              + " case "
              + incident.code()
              + ": it was handled (反馈) by the "
              + who
              + " role, so the check (核查) must be done by a different role, e.g. "
              + (handler == Role.SUPERVISOR ? "an operator" : "a supervisor"));
    }
  }

  /** The console role that reported the latest handling (反馈), or null (a department did). */
  static Role handlerRole(List<StatusTransition> timeline) {
    for (int i = timeline.size() - 1; i >= 0; i--) {
      if (timeline.get(i).status() == FEEDBACK) {
        return timeline.get(i).role();
      }
    }
    return null;
  }

  /** The console role that passed the latest check (核查), or null. */
  private static Role verifierRole(Incident incident) {
    List<StatusTransition> timeline = incident.timeline();
    for (int i = timeline.size() - 1; i >= 0; i--) {
      if (timeline.get(i).status() == VERIFYING) {
        return timeline.get(i).role();
      }
    }
    return null;
  }

  private static ActionRejected illegal(Incident incident, ActionType type, String why) {
    return new ActionRejected(
        ProblemType.ILLEGAL_TRANSITION,
        "cannot " + type.name().toLowerCase() + " case " + incident.code() + ": " + why);
  }

  private static String join(String what, String note) {
    return note.isBlank() ? what : what + "。" + note;
  }
}
