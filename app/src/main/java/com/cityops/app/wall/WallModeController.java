package com.cityops.app.wall;

import com.cityops.api.Incident;
import com.cityops.api.IncidentLevel;
import com.cityops.api.IncidentStatus;
import com.cityops.api.OperatingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * 平急转换: decides the wall's mode. To 战时 (emergency) when a level Ⅰ or Ⅱ case appears (it is then the
 * case in focus), when the backend declares the emergency, or on command; back to 平时 only on
 * command — an emergency ends when the person in charge says so, not when a number drops. Pure
 * logic, fed on the FX thread with each summary the wall shows.
 */
public final class WallModeController {
  /** Why the mode is what it is. */
  public enum Reason {
    START,
    MAJOR_CASE,
    BACKEND,
    COMMAND,
    /** a follower PC takes its controller's mode */
    FOLLOW
  }

  /** A change the wall should make: to {@code mode}, focusing {@code caseId} (may be null). */
  public record Switch(OperatingMode mode, Reason reason, String caseId) {}

  private final Set<String> seenMajor = new HashSet<>();
  private OperatingMode mode = OperatingMode.NORMAL;
  private OperatingMode backendMode = OperatingMode.NORMAL;
  private boolean started;

  public OperatingMode mode() {
    return mode;
  }

  /**
   * Looks at the newest open cases and the backend's mode; answers the switch to make, or null. The
   * first call sets the starting mode: emergency when a major case is already open.
   */
  public Switch observe(List<Incident> newestOpen, OperatingMode backend) {
    Incident newMajor = null;
    for (Incident incident : newestOpen) {
      if (isMajor(incident) && seenMajor.add(incident.id()) && newMajor == null) {
        newMajor = incident; // newest first
      }
    }
    boolean first = !started;
    started = true;
    OperatingMode backendBefore = backendMode;
    backendMode = backend == null ? OperatingMode.NORMAL : backend;
    if (newMajor != null) {
      return to(OperatingMode.EMERGENCY, first ? Reason.START : Reason.MAJOR_CASE, newMajor.id());
    }
    if (backendMode == OperatingMode.EMERGENCY
        && (first || backendBefore != OperatingMode.EMERGENCY)
        && mode != OperatingMode.EMERGENCY) {
      return to(OperatingMode.EMERGENCY, first ? Reason.START : Reason.BACKEND, null);
    }
    return null;
  }

  /** An operator's or the remote control's command. */
  public Switch command(OperatingMode wanted) {
    return to(wanted, Reason.COMMAND, null);
  }

  /** A follower takes the controller's mode and focus. */
  public Switch follow(OperatingMode wanted, String caseId) {
    return to(wanted, Reason.FOLLOW, caseId);
  }

  private Switch to(OperatingMode wanted, Reason reason, String caseId) {
    if (wanted == mode && caseId == null) {
      return null;
    }
    mode = wanted;
    return new Switch(wanted, reason, caseId);
  }

  static boolean isMajor(Incident incident) {
    return (incident.level() == IncidentLevel.I || incident.level() == IncidentLevel.II)
        && incident.status() != IncidentStatus.CLOSED
        && incident.mergedInto() == null;
  }
}
