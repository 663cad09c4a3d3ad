package com.cityops.app.detail;

import static com.cityops.api.IncidentStatus.DISCOVERED;
import static com.cityops.api.IncidentStatus.DISPATCHED;
import static com.cityops.api.IncidentStatus.FEEDBACK;
import static com.cityops.api.IncidentStatus.HANDLING;
import static com.cityops.api.IncidentStatus.REGISTERED;
import static com.cityops.api.IncidentStatus.VERIFYING;

import com.cityops.api.ActionType;
import com.cityops.api.Incident;
import com.cityops.api.IncidentLevel;
import com.cityops.api.IncidentStatus;
import com.cityops.api.Role;
import com.cityops.api.StatusTransition;
import com.cityops.app.i18n.Messages;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which actions the signed-in role may take on a case in its current state, and why not when it may
 * not — the contract's rules (docs/api/openapi.yaml, {@code POST /incidents/{id}/actions}) as the
 * client can tell them in advance. The backend stays the judge: an action sent anyway is refused
 * there and the refusal is shown. Pure.
 */
final class ActionRules {
  private static final Map<ActionType, Set<IncidentStatus>> LEGAL_IN =
      new EnumMap<>(ActionType.class);

  static {
    LEGAL_IN.put(ActionType.ACK, EnumSet.of(DISCOVERED));
    LEGAL_IN.put(ActionType.DISPATCH, EnumSet.of(DISCOVERED, REGISTERED, DISPATCHED));
    LEGAL_IN.put(
        ActionType.ESCALATE,
        EnumSet.of(DISCOVERED, REGISTERED, DISPATCHED, HANDLING, FEEDBACK, VERIFYING));
    LEGAL_IN.put(ActionType.FEEDBACK, EnumSet.of(DISPATCHED, HANDLING));
    LEGAL_IN.put(ActionType.VERIFY, EnumSet.of(FEEDBACK));
    LEGAL_IN.put(ActionType.CLOSE, EnumSet.of(VERIFYING));
    LEGAL_IN.put(
        ActionType.MERGE,
        EnumSet.of(DISCOVERED, REGISTERED, DISPATCHED, HANDLING, FEEDBACK, VERIFYING));
  }

  private ActionRules() {}

  /** Whether one action can be taken now; {@code reason} says why not (empty when it can). */
  record Availability(ActionType type, boolean enabled, String reason) {}

  /**
   * @param duplicates how many merge candidates there are (merge needs one to merge into)
   */
  static Map<ActionType, Availability> of(
      Incident incident, Role role, int duplicates, Messages messages) {
    Map<ActionType, Availability> out = new EnumMap<>(ActionType.class);
    for (ActionType type : ActionType.values()) {
      out.put(type, new Availability(type, true, ""));
    }
    for (ActionType type : ActionType.values()) {
      String why = refusal(incident, role, type, duplicates, messages);
      if (why != null) {
        out.put(type, new Availability(type, false, why));
      }
    }
    return out;
  }

  private static String refusal(
      Incident incident, Role role, ActionType type, int duplicates, Messages messages) {
    if (role == null || !role.allowedActions().contains(type)) {
      return messages.format(
          "detail.reason.role",
          messages.get("role." + roleName(role == null ? Role.VIEWER : role)));
    }
    if (!incident.status().isOpen()) {
      return messages.get("detail.reason.closed");
    }
    if (!LEGAL_IN.get(type).contains(incident.status())) {
      if (type == ActionType.CLOSE) {
        return messages.format("detail.reason.notVerified", status(incident.status(), messages));
      }
      return messages.format(
          "detail.reason.status",
          status(incident.status(), messages),
          LEGAL_IN.get(type).stream()
              .map(s -> status(s, messages))
              .collect(Collectors.joining("、")));
    }
    switch (type) {
      case ESCALATE -> {
        if (incident.level() == IncidentLevel.I) {
          return messages.get("detail.reason.highestLevel");
        }
      }
      case VERIFY -> {
        Role handler = handlerRole(incident.timeline());
        if (handler != null && handler == role) {
          return messages.format(
              "detail.reason.verifyOwnWork", messages.get("role." + roleName(handler)));
        }
      }
      case CLOSE -> {
        if (incident.level().code() <= 2 && role != Role.SUPERVISOR) {
          return messages.format("detail.reason.needsSupervisor", incident.level().roman());
        }
        Role handler = handlerRole(incident.timeline());
        Role verifier = latestRole(incident.timeline(), VERIFYING);
        if (handler != null && handler == verifier) {
          return messages.format(
              "detail.reason.checkNotIndependent", messages.get("role." + roleName(handler)));
        }
      }
      case MERGE -> {
        if (duplicates == 0) {
          return messages.get("detail.reason.noDuplicates");
        }
      }
      default -> {}
    }
    return null;
  }

  /** The console role that reported the latest handling (反馈); null when a department did. */
  static Role handlerRole(List<StatusTransition> timeline) {
    return latestRole(timeline, FEEDBACK);
  }

  private static Role latestRole(List<StatusTransition> timeline, IncidentStatus status) {
    for (int i = timeline.size() - 1; i >= 0; i--) {
      if (timeline.get(i).status() == status) {
        return timeline.get(i).role();
      }
    }
    return null;
  }

  private static String status(IncidentStatus status, Messages messages) {
    return messages.get("status." + status.name().toLowerCase(java.util.Locale.ROOT));
  }

  private static String roleName(Role role) {
    return role.name().toLowerCase(java.util.Locale.ROOT);
  }
}
