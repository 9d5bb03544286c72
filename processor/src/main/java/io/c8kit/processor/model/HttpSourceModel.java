package io.c8kit.processor.model;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.TypeName;
import java.util.List;
import java.util.Optional;

/**
 * A declarative {@code @HttpSource} class after validation: what the generated {@code <Class>_Http}
 * needs to build the API and implement each abstract {@code @HttpStream} method and API factory.
 *
 * @param implementation the generated subclass, which the connector instantiates
 * @param rateLimitRequests requests per interval; empty for no budget of the connector's own
 */
public record HttpSourceModel(
    ClassName implementation,
    Text baseUrl,
    List<Header> headers,
    AuthModel auth,
    Optional<Text> rateLimitRequests,
    int rateLimitSeconds,
    int rateLimitConcurrent,
    List<Factory> factories,
    List<Request> requests) {
  public HttpSourceModel {
    headers = List.copyOf(headers);
    factories = List.copyOf(factories);
    requests = List.copyOf(requests);
  }

  /**
   * A text with {@code {property}} placeholders: literal parts and config accessors, in order.
   * {@code accessor} is empty for a literal part.
   */
  public record Text(List<Part> parts) {
    public Text {
      parts = List.copyOf(parts);
    }

    /** True when the text is exactly one placeholder (its value is passed as is). */
    public boolean single() {
      return parts.size() == 1 && !parts.get(0).accessor().isEmpty();
    }
  }

  /** One part of a {@link Text}: a literal, or the accessor of a config property. */
  public record Part(String literal, String accessor) {}

  public record Header(String name, Text value) {}

  /** One parameter of an implemented method: its Java type and name, and its role. */
  public record Parameter(TypeName type, String name, Param role) {}

  /**
   * The authentication: {@code scheme} is the {@code HttpAuth.Scheme} name; credentials by member
   * ({@code token}, {@code user}…) as the property's accessor and JSON name, optional ones applied
   * only when set.
   */
  public record AuthModel(
      String scheme,
      List<Credential> credentials,
      String header,
      String query,
      Optional<Text> tokenUrl,
      String scope) {
    public AuthModel {
      credentials = List.copyOf(credentials);
    }

    public Optional<Credential> credential(String member) {
      return credentials.stream().filter(c -> c.member().equals(member)).findFirst();
    }
  }

  public record Credential(String member, String accessor, String property, boolean optional) {}

  /** An abstract {@code HttpApi api(Config)} (or {@code HttpApi.Builder}) method to implement. */
  public record Factory(String method, String modifiers, Parameter config, boolean builder) {}

  /** An abstract {@code @HttpStream} method to implement. */
  public record Request(
      String method,
      String modifiers,
      TypeName returns,
      ClassName record,
      List<Parameter> parameters,
      String path,
      List<Header> pathParams,
      String recordsPointer,
      List<Header> params,
      String since,
      String after,
      PaginatorModel paginator) {
    public Request {
      parameters = List.copyOf(parameters);
      pathParams = List.copyOf(pathParams);
      params = List.copyOf(params);
    }

    public Optional<Parameter> parameter(Param role) {
      return parameters.stream().filter(p -> p.role() == role).findFirst();
    }
  }

  /** {@code kind} is the {@code Paginate.Kind} name; unused members are empty. */
  public record PaginatorModel(
      String kind,
      String param,
      String sizeParam,
      Optional<Text> size,
      String pointer,
      String totalHeader) {}
}
