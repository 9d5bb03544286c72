package io.c8kit.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** CONNECTION_STATUS payload: the result of {@code check}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"status", "message"})
public final class AirbyteConnectionStatus extends ProtocolObject {
  /** SUCCEEDED or FAILED. */
  public enum Status {
    SUCCEEDED,
    FAILED
  }

  @JsonProperty("status")
  public Status status;

  @JsonProperty("message")
  public String message;

  public AirbyteConnectionStatus() {}

  public AirbyteConnectionStatus(Status status, String message) {
    this.status = status;
    this.message = message;
  }
}
