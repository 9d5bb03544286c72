package io.c8kit.c8;

import io.c8kit.Sample;
import io.c8kit.Schema;
import io.c8kit.ValidationException;
import io.c8kit.runtime.SourceConnector;
import java.util.List;
import java.util.Map;

/**
 * The {@link io.c8kit.C8Connector} of a source: samples and schemas of every stream through the
 * read engine; the base of each generated source's {@code <Name>C8Connector}.
 *
 * @param <C> the config type
 */
public non-sealed class C8SourceAdapter<C> extends C8ConnectorAdapter<C, SourceConnector<C>> {
  protected C8SourceAdapter(SourceConnector<C> source) {
    super(source);
  }

  /**
   * For each stream (static and discovered), its schema and first ten records, with the reserved
   * keys {@code _key}, {@code _id}, {@code _rev} renamed by prefixing {@code _} until free ({@code
   * _key} stays when it is the first primary-key column).
   *
   * @throws ValidationException when the config is invalid or discovery or sampling fails
   */
  @Override
  public final List<Sample> samples(Map<String, Object> integration) throws ValidationException {
    return C8Methods.samples(connector(), integration);
  }

  /**
   * The schema of each stream, without data: attributes typed string→STRING, integer→LONG,
   * boolean→BOOLEAN, number→DOUBLE, other→OBJECT, reserved keys renamed as in {@link #samples}.
   *
   * @throws ValidationException when the config is invalid or discovery fails
   */
  @Override
  public final List<Schema> schemas(Map<String, Object> integration) throws ValidationException {
    return C8Methods.schemas(connector(), integration);
  }

  @Override
  public final List<String> reservedKeys() {
    return List.of();
  }
}
