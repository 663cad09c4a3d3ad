package com.cityops.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Kinds of stream message, each with the payload type it carries. */
public enum StreamEventType {
  INCIDENT_UPSERT("incident.upsert", Incident.class),
  INDICATOR_SAMPLE("indicator.sample", IndicatorUpdate.class),
  DEVICE_STATUS("device.status", Device.class),
  ALERT_RAISED("alert.raised", Alert.class),
  HEARTBEAT("heartbeat", Heartbeat.class),
  CANARY("canary", Canary.class),
  WALL_SCENE("wall.scene", WallScene.class);

  private final String wireName;
  private final Class<?> payloadType;

  StreamEventType(String wireName, Class<?> payloadType) {
    this.wireName = wireName;
    this.payloadType = payloadType;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }

  public Class<?> payloadType() {
    return payloadType;
  }

  /** The type with this wire name, or null for a type this client does not know (newer server). */
  @JsonCreator
  public static StreamEventType ofWireName(String wireName) {
    for (StreamEventType type : values()) {
      if (type.wireName.equals(wireName)) {
        return type;
      }
    }
    return null;
  }
}
