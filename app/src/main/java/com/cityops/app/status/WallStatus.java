package com.cityops.app.status;

import com.cityops.api.WallPanelView;
import java.time.Instant;
import java.util.List;

/**
 * What a wall PC shows, for {@code /status}: enough to check from outside that a follower shows
 * what its controller does, and how late.
 *
 * @param role {@code controller} or {@code follower}
 * @param steady start-up is over, no switch is under way and every map is drawn
 * @param sceneChangedAt when the scene shown changed on the controller (its clock), or null
 * @param sceneShownAt when this PC showed that scene, or null
 * @param scenesPublished scenes the controller's backend took (0 on a follower)
 * @param publishProblem why the controller's newest scene did not reach the backend, or null
 */
public record WallStatus(
    String wall,
    String role,
    boolean steady,
    String mode,
    boolean frozen,
    String focusIncidentId,
    List<WallPanelView> maps,
    int tickerPage,
    Double lastSwitchMs,
    Instant sceneChangedAt,
    Instant sceneShownAt,
    long scenesPublished,
    String publishProblem) {

  public WallStatus {
    maps = List.copyOf(maps);
  }
}
