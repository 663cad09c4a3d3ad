package com.cityops.bench;

import com.cityops.api.ApiPaths;
import com.cityops.api.Json;
import com.cityops.api.LoginResponse;
import com.cityops.api.Role;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback backend that replays a recorded {@link IngestCorpus} as fast as the client's socket
 * takes it: the three calls a {@code LiveFeed} makes — {@code POST /auth/login}, {@code GET
 * /snapshot}, the stream {@code ?since=} (RFC 6455, answering the client's pings) — on plain
 * sockets. The frames are encoded once, up front, and written 64 KiB at a time, so the sender costs
 * almost nothing and the measured rate is the client's. (The reference backend's Jetty writes one
 * frame at a time and tops out near the client's own rate here — a server-side cap, not what this
 * workload measures; its own run is the {@code ingest.sim} figure.)
 *
 * <p>Thread-safe; a thread per connection.
 */
final class ReplayServer implements AutoCloseable {
  private static final String WS_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  private final IngestCorpus corpus;
  private final byte[] snapshot;
  private final List<byte[]> frames;
  private final ServerSocket server;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  private ReplayServer(IngestCorpus corpus) throws IOException {
    this.corpus = corpus;
    this.snapshot = corpus.snapshotJson().getBytes(StandardCharsets.UTF_8);
    this.frames = new ArrayList<>(corpus.messages().size());
    for (String m : corpus.messages()) {
      frames.add(textFrame(m.getBytes(StandardCharsets.UTF_8)));
    }
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
  }

  static ReplayServer start(IngestCorpus corpus) throws IOException {
    ReplayServer s = new ReplayServer(corpus);
    Thread accept = new Thread(s::acceptLoop, "bench-replay-accept");
    accept.setDaemon(true);
    accept.start();
    return s;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket socket = server.accept();
        socket.setTcpNoDelay(true);
        open.add(socket);
        Thread t = new Thread(() -> serve(socket), "bench-replay-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        if (!closed) {
          System.err.println("replay server: " + e);
        }
      }
    }
  }

  /** HTTP/1.1 with keep-alive until a stream request upgrades the connection. */
  private void serve(Socket socket) {
    try (socket) {
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
      while (!closed) {
        String requestLine = line(in);
        if (requestLine == null) {
          return;
        }
        Map<String, String> headers = new HashMap<>();
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
          int colon = h.indexOf(':');
          headers.put(
              h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        in.readNBytes(length);
        String target = requestLine.split(" ")[1];
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        if (path.equals(ApiPaths.STREAM) && headers.containsKey("sec-websocket-key")) {
          stream(socket, in, out, headers.get("sec-websocket-key"), since(target));
          return;
        } else if (path.equals(ApiPaths.LOGIN)) {
          respond(out, 200, login());
        } else if (path.equals(ApiPaths.SNAPSHOT)) {
          respond(out, 200, snapshot);
        } else {
          respond(out, 404, "{}".getBytes(StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      if (!closed) {
        System.err.println("replay connection ended: " + e);
      }
    } finally {
      open.remove(socket);
    }
  }

  private long since(String target) {
    int at = target.indexOf("since=");
    if (at < 0) {
      return corpus.baseSeq();
    }
    String v = target.substring(at + 6);
    int amp = v.indexOf('&');
    return Long.parseLong(amp < 0 ? v : v.substring(0, amp));
  }

  private static byte[] login() {
    return Json.write(
            new LoginResponse(
                "bench-token",
                "operator",
                "Operator",
                Role.OPERATOR,
                Instant.now().plusSeconds(3600)))
        .getBytes(StandardCharsets.UTF_8);
  }

  private static void respond(OutputStream out, int status, byte[] body) throws IOException {
    String head =
        "HTTP/1.1 "
            + status
            + (status == 200 ? " OK" : " Not Found")
            + "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: "
            + body.length
            + "\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
  }

  /** Upgrades, then writes every recorded frame after {@code since}; answers pings meanwhile. */
  private void stream(Socket socket, InputStream in, OutputStream out, String key, long since)
      throws IOException {
    String accept;
    try {
      accept =
          Base64.getEncoder()
              .encodeToString(
                  MessageDigest.getInstance("SHA-1")
                      .digest((key + WS_GUID).getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    synchronized (out) {
      out.write(
          ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  + "Sec-WebSocket-Accept: "
                  + accept
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }
    Thread reader = new Thread(() -> readClientFrames(socket, in, out), "bench-replay-read");
    reader.setDaemon(true);
    reader.start();
    int first = (int) Math.max(0, since - corpus.baseSeq());
    for (int i = first; i < frames.size() && !socket.isClosed(); ) {
      synchronized (out) {
        // About 64 KiB per write; a pong may go out between two chunks.
        for (int bytes = 0; i < frames.size() && bytes < 1 << 16; i++) {
          out.write(frames.get(i));
          bytes += frames.get(i).length;
        }
        out.flush();
      }
    }
    try {
      reader.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The client's frames (masked): pings are answered, a close is answered and ends it. */
  private static void readClientFrames(Socket socket, InputStream in, OutputStream out) {
    try {
      while (true) {
        int b0 = read(in);
        int b1 = read(in);
        int opcode = b0 & 0x0f;
        long len = b1 & 0x7f;
        if (len == 126) {
          len = (read(in) << 8) | read(in);
        } else if (len == 127) {
          len = 0;
          for (int k = 0; k < 8; k++) {
            len = (len << 8) | read(in);
          }
        }
        byte[] mask = (b1 & 0x80) != 0 ? in.readNBytes(4) : new byte[4];
        byte[] payload = in.readNBytes((int) len);
        for (int k = 0; k < payload.length; k++) {
          payload[k] ^= mask[k & 3];
        }
        if (opcode == 0x9 || opcode == 0x8) {
          synchronized (out) {
            out.write(frame(opcode == 0x9 ? 0xA : 0x8, payload));
            out.flush();
          }
          if (opcode == 0x8) {
            socket.close();
            return;
          }
        }
      }
    } catch (IOException e) {
      // the connection ended
    }
  }

  private static int read(InputStream in) throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new EOFException();
    }
    return b;
  }

  private static byte[] textFrame(byte[] payload) {
    return frame(0x1, payload);
  }

  /** An unmasked final frame (server to client). */
  private static byte[] frame(int opcode, byte[] payload) {
    ByteArrayOutputStream f = new ByteArrayOutputStream(payload.length + 10);
    f.write(0x80 | opcode);
    if (payload.length < 126) {
      f.write(payload.length);
    } else if (payload.length < 65_536) {
      f.write(126);
      f.write(payload.length >>> 8);
      f.write(payload.length & 0xff);
    } else {
      f.write(127);
      for (int k = 7; k >= 0; k--) {
        f.write((int) ((long) payload.length >>> (8 * k)) & 0xff);
      }
    }
    f.writeBytes(payload);
    return f.toByteArray();
  }

  /** One CRLF-terminated header line (ASCII), or null at the end of the stream. */
  private static String line(InputStream in) throws IOException {
    StringBuilder s = new StringBuilder();
    int b;
    while ((b = in.read()) >= 0) {
      if (b == '\n') {
        int n = s.length();
        return n > 0 && s.charAt(n - 1) == '\r' ? s.substring(0, n - 1) : s.toString();
      }
      s.append((char) b);
    }
    return s.length() == 0 ? null : s.toString();
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException e) {
      // closing anyway
    }
    for (Socket s : open) {
      try {
        s.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }
}
