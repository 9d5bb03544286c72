package io.c8kit.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/** Identifies a stream: name plus optional namespace (both any UTF-8, {@code ""} allowed). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "namespace"})
public final class StreamDescriptor extends ProtocolObject {
  @JsonProperty("name")
  public String name;

  @JsonProperty("namespace")
  public String namespace;

  public StreamDescriptor() {}

  public StreamDescriptor(String name, String namespace) {
    this.name = name;
    this.namespace = namespace;
  }

  /** Equality on (name, namespace), treating a missing namespace as null. */
  public boolean sameStream(String otherName, String otherNamespace) {
    return Objects.equals(name, otherName) && Objects.equals(namespace, otherNamespace);
  }

  @Override
  public String toString() {
    return namespace == null ? name : namespace + "." + name;
  }
}
