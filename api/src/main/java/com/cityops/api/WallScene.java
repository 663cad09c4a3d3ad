package com.cityops.api;

import java.time.Instant;
import java.util.List;

/**
 * Payload of {@code wall.scene}: what a video wall's controller shows, so that the wall's other PCs
 * (its followers) show the same. The controller sends it with {@code PUT /walls/{wall}/scene}; the
 * backend journals it like any event — so a follower resuming with {@code since} catches up — and
 * puts the newest scene of every wall in the snapshot. Each scene is whole, not a change: a
 * follower needs only the newest.
 *
 * @param wall the wall's id (the layout file's {@code id}); letters, digits, - and _
 * @param mode 平时 or 战时
 * @param focusIncidentId the case in focus, or null
 * @param frozen the controller holds its picture (a briefing): followers hold theirs
 * @param maps the view of each map panel of the mode shown
 * @param pages the page each paged panel shows (the ticker)
 * @param changedAt when the controller's picture changed, on its clock (for latency figures)
 */
public record WallScene(
    String wall,
    OperatingMode mode,
    String focusIncidentId,
    boolean frozen,
    List<WallPanelView> maps,
    List<WallPage> pages,
    Instant changedAt) {

  /** What a wall id may look like: it is a path segment. */
  public static final String ID_PATTERN = "[A-Za-z0-9_-]{1,64}";

  public WallScene {
    maps = maps == null ? List.of() : List.copyOf(maps);
    pages = pages == null ? List.of() : List.copyOf(pages);
  }
}
