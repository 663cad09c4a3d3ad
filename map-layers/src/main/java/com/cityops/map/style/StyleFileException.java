package com.cityops.map.style;

/**
 * A style file that cannot be used. The message starts with the JSON path of the offending value
 * (e.g. {@code layers[2].renderer.classes[1].stroke.width}) and says what was expected and what was
 * found, so the person editing the file can fix it without reading code.
 */
public final class StyleFileException extends RuntimeException {
  private final String path;

  public StyleFileException(String path, String problem) {
    super(path.isEmpty() ? problem : path + ": " + problem);
    this.path = path;
  }

  public StyleFileException(String path, String problem, Throwable cause) {
    super(path.isEmpty() ? problem : path + ": " + problem, cause);
    this.path = path;
  }

  /** The same problem, its message prefixed with the file it is in. */
  StyleFileException inFile(Object file) {
    return new StyleFileException(path, file + ": " + getMessage(), this, true);
  }

  private StyleFileException(String path, String message, Throwable cause, boolean verbatim) {
    super(message, cause);
    this.path = path;
  }

  /** Where in the document the problem is; empty for the document as a whole. */
  public String path() {
    return path;
  }
}
