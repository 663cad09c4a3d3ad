package com.cityops.app.shell;

import javafx.scene.Node;

/**
 * What the workspace adds to the shell's top bar and layout: the one-box search, the area
 * breadcrumb, the settings menu, and the memory of the operator's layout. Built by the app for each
 * window; any part may be null (tests that need only the panels).
 */
public record ShellChrome(
    Node search,
    Node scope,
    Node settings,
    LayoutMemory layout,
    java.util.function.UnaryOperator<javafx.scene.Parent> windowRoot) {
  public static final ShellChrome NONE =
      new ShellChrome(null, null, null, LayoutMemory.NONE, root -> root);

  /**
   * @param windowRoot what every window the shell opens puts around its content (the watermark)
   */
  public ShellChrome {}

  public ShellChrome(Node search, Node scope, Node settings, LayoutMemory layout) {
    this(search, scope, settings, layout, root -> root);
  }
}
