package com.cityops.api;

/**
 * A field device (sensor or camera). Also the payload of {@code device.status}.
 *
 * @param lastReading null for devices without readings (cameras) or that never reported
 * @param alarm whether the device currently raises an alarm (which may be a false alarm)
 * @param falseAlarmRate share of this device's recent alarms that proved false, 0–1
 */
public record Device(
    String id,
    DeviceType type,
    String name,
    Location location,
    DeviceStatus status,
    Reading lastReading,
    boolean alarm,
    double falseAlarmRate) {}
