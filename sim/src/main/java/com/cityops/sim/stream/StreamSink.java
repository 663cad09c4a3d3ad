package com.cityops.sim.stream;

import java.util.List;

/** Where one client's stream messages go (a WebSocket session in production). */
public interface StreamSink {

  /** Sends the messages in order and returns once they are handed to the network. */
  void send(List<String> messages) throws Exception;

  /** Closes the connection with a WebSocket close code and a reason a person can act on. */
  void close(int code, String reason);

  /** A short description for logs (remote address). */
  String describe();
}
