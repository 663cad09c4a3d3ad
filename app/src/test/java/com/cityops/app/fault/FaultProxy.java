package com.cityops.app.fault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP proxy between the client and the real backend that injects network faults:
 * connection reset, blackhole (a silent half-open connection: bytes are swallowed, no FIN, no RST),
 * truncation (a connection cut after N bytes, mid-frame), latency with jitter, and a bandwidth
 * limit. Toxiproxy is not packaged for Debian and this kernel has no {@code tc netem}; this covers
 * the same faults for one client in a test.
 *
 * <p>Thread-safe; the fault settings are read per chunk, so they apply to open connections too.
 */
public final class FaultProxy implements AutoCloseable {
  private static final int CHUNK = 64 * 1024;

  private final ServerSocket listener;
  private final InetSocketAddress backend;
  private final ExecutorService threads = Executors.newCachedThreadPool(daemon());
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final Random random;
  private volatile boolean blackhole;
  private volatile long latencyMs;
  private volatile long jitterMs;
  private volatile long bytesPerSecond;
  private volatile long truncateBytes;
  private volatile int truncateGeneration;
  private final AtomicLong connections = new AtomicLong();
  private final AtomicLong bytesDown = new AtomicLong();

  public FaultProxy(int backendPort, long seed) throws IOException {
    this.backend = new InetSocketAddress(InetAddress.getLoopbackAddress(), backendPort);
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.random = new Random(seed);
    threads.execute(this::accept);
  }

  public int port() {
    return listener.getLocalPort();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port() + "/";
  }

  /** Connections accepted so far (each reconnect of the client is one more). */
  public long connections() {
    return connections.get();
  }

  /** Bytes forwarded from the backend to the client. */
  public long bytesDown() {
    return bytesDown.get();
  }

  /** Cuts every open connection with a TCP reset (SO_LINGER 0), both sides. */
  public void resetAll() {
    for (Socket s : open) {
      try {
        s.setSoLinger(true, 0);
        s.close();
      } catch (IOException e) {
        // Already closed by its peer: the cut happened anyway.
      }
    }
    open.clear();
  }

  /**
   * While on, nothing is forwarded in either direction and nothing is closed: to the client the
   * connection is silently half-open. New connections are accepted and hang the same way.
   */
  public void blackhole(boolean on) {
    blackhole = on;
  }

  /** Delays each chunk by {@code latency} plus a uniform random part of up to {@code jitter}. */
  public void latency(long latency, long jitter) {
    this.latencyMs = latency;
    this.jitterMs = jitter;
  }

  /** Limits the backend-to-client direction to about this many bytes per second; 0 for none. */
  public void bandwidth(long perSecond) {
    this.bytesPerSecond = perSecond;
  }

  /**
   * Cuts every connection open now after this many more bytes from the backend, mid-message;
   * connections opened later are left alone.
   */
  public void truncateAfter(long bytes) {
    this.truncateBytes = bytes;
    truncateGeneration++;
  }

  /** Back to a clean network. */
  public void heal() {
    blackhole = false;
    latencyMs = 0;
    jitterMs = 0;
    bytesPerSecond = 0;
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        connections.incrementAndGet();
        Socket server = new Socket();
        try {
          server.connect(backend, 2_000);
        } catch (IOException e) {
          // Backend down: the client sees its connection refused-after-accept, as through a LB.
          client.setSoLinger(true, 0);
          client.close();
          continue;
        }
        client.setTcpNoDelay(true);
        server.setTcpNoDelay(true);
        open.add(client);
        open.add(server);
        threads.execute(() -> pump(client, server, false));
        threads.execute(() -> pump(server, client, true));
      } catch (SocketException e) {
        return; // listener closed
      } catch (IOException e) {
        throw new UncheckedIOException("fault proxy accept failed", e);
      }
    }
  }

  private void pump(Socket from, Socket to, boolean down) {
    byte[] buffer = new byte[CHUNK];
    int truncationSeen = truncateGeneration;
    long left = -1;
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        while (blackhole && !from.isClosed()) {
          Thread.sleep(20);
        }
        delay(n, down);
        int send = n;
        if (down && truncationSeen != truncateGeneration) {
          truncationSeen = truncateGeneration;
          left = truncateBytes;
        }
        if (down && left >= 0) {
          if (left < n) {
            out.write(buffer, 0, (int) left);
            out.flush();
            from.setSoLinger(true, 0);
            to.setSoLinger(true, 0);
            from.close();
            to.close();
            return;
          }
          left -= n;
        }
        out.write(buffer, 0, send);
        out.flush();
        if (down) {
          bytesDown.addAndGet(send);
        }
      }
      to.shutdownOutput();
    } catch (IOException e) {
      closeQuietly(from);
      closeQuietly(to);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      open.remove(from);
      open.remove(to);
    }
  }

  private void delay(int bytes, boolean down) throws InterruptedException {
    long wait = latencyMs;
    long jitter = jitterMs;
    if (jitter > 0) {
      synchronized (random) {
        wait += (long) (random.nextDouble() * jitter);
      }
    }
    long rate = bytesPerSecond;
    if (down && rate > 0) {
      wait += bytes * 1000L / rate;
    }
    if (wait > 0) {
      Thread.sleep(wait);
    }
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // Closing after a failure: nothing left to tell.
    }
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return r -> {
      Thread t = new Thread(r, "fault-proxy");
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void close() throws IOException {
    listener.close();
    resetAll();
    threads.shutdownNow();
    try {
      threads.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
