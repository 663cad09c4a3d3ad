package com.cityops.api;

/** Health of a field device. */
public enum DeviceStatus {
  ONLINE,
  OFFLINE,
  FAULT
}
