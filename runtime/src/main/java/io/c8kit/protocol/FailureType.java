package io.c8kit.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Airbyte {@code failure_type} of a TRACE ERROR. */
public enum FailureType {
  SYSTEM_ERROR("system_error"),
  CONFIG_ERROR("config_error"),
  TRANSIENT_ERROR("transient_error");

  private final String wire;

  FailureType(String wire) {
    this.wire = wire;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  @JsonCreator
  public static FailureType fromWire(String value) {
    for (FailureType type : values()) {
      if (type.wire.equals(value)) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown failure_type \"" + value + "\"");
  }
}
