package com.cityops.app.fault;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The collector's stop-the-world pauses in this JVM while open, so that a slow FX pulse can be
 * split into the app's work and the pause of every thread that the collector took inside it.
 */
final class GcPauses implements AutoCloseable {
  /** A pause, in epoch milliseconds. */
  record Pause(long startMs, long endMs, String collector, String cause) {
    long overlapMs(long fromMs, long toMs) {
      return Math.max(0, Math.min(endMs, toMs) - Math.max(startMs, fromMs));
    }
  }

  private final long jvmStartMs = ManagementFactory.getRuntimeMXBean().getStartTime();
  private final List<Pause> pauses = new ArrayList<>();
  private final NotificationListener listener = this::onNotification;

  GcPauses() {
    for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) bean).addNotificationListener(listener, null, null);
    }
  }

  private void onNotification(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
        notification.getType())) {
      return;
    }
    var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    if (!info.getGcAction().contains("end of")) {
      return; // a concurrent cycle's phases do not stop the application
    }
    var gc = info.getGcInfo();
    synchronized (pauses) {
      pauses.add(
          new Pause(
              jvmStartMs + gc.getStartTime(),
              jvmStartMs + gc.getEndTime(),
              info.getGcName(),
              info.getGcCause()));
    }
  }

  /** Milliseconds of pause between the two epoch times. */
  long pausedMs(long fromMs, long toMs) {
    synchronized (pauses) {
      return pauses.stream().mapToLong(p -> p.overlapMs(fromMs, toMs)).sum();
    }
  }

  @Override
  public void close() {
    for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
      try {
        ((NotificationEmitter) bean).removeNotificationListener(listener);
      } catch (ListenerNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
