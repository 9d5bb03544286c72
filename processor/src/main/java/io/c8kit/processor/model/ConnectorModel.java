package io.c8kit.processor.model;

import com.squareup.javapoet.ClassName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.TypeElement;

/**
 * Everything known about one {@code @Source}/{@code @Destination} class after validation; the only
 * input of the generators. {@code origin} is kept solely as the Filer's originating element.
 *
 * @param baseName the stem of the generated connector and main classes: the class name minus a
 *     trailing Source/Destination ({@code FakerSource} gives {@code Faker}), or the whole class
 *     name when a source and a destination of one package would otherwise share it
 * @param http the declarative REST part of an {@code @HttpSource} class, whose generated subclass
 *     the connector instantiates
 * @param concurrency how many streams a source lets the engine read at once
 *     ({@code @Source(concurrency)}; 1 for destinations)
 * @param ioBound whether the source's streams mostly wait on I/O ({@code @Source(ioBound)}), so
 *     that the engine reads up to {@code concurrency} of them whatever the processors
 */
public record ConnectorModel(
    TypeElement origin,
    Kind kind,
    ClassName annotatedClass,
    String name,
    String version,
    String title,
    String description,
    String documentationUrl,
    String logo,
    String dockerImage,
    String baseImage,
    List<ClassName> configErrors,
    List<ClassName> transientErrors,
    ConfigModel config,
    Optional<String> checkMethod,
    List<StreamModel> streams,
    Optional<DiscoverModel> discover,
    Optional<DestinationModel> destination,
    String baseName,
    Optional<HttpSourceModel> http,
    int concurrency,
    boolean ioBound) {

  public ConnectorModel {
    configErrors = List.copyOf(configErrors);
    transientErrors = List.copyOf(transientErrors);
    streams = List.copyOf(streams);
  }

  /** This model with the declarative REST part of an {@code @HttpSource} class. */
  public ConnectorModel withHttp(Optional<HttpSourceModel> http) {
    return new ConnectorModel(
        origin,
        kind,
        annotatedClass,
        name,
        version,
        title,
        description,
        documentationUrl,
        logo,
        dockerImage,
        baseImage,
        configErrors,
        transientErrors,
        config,
        checkMethod,
        streams,
        discover,
        destination,
        baseName,
        http,
        concurrency,
        ioBound);
  }

  /**
   * The class the connector instantiates: the generated REST implementation or the annotated class.
   */
  public ClassName instantiatedClass() {
    return http.map(HttpSourceModel::implementation).orElse(annotatedClass);
  }

  public ClassName connectorClass() {
    return ClassName.get(annotatedClass.packageName(), baseName() + "Connector");
  }

  public ClassName mainClass() {
    return ClassName.get(annotatedClass.packageName(), baseName() + "Main");
  }

  /**
   * Class-path folder of this connector's resources, without a leading slash; the kind is part of
   * it because a source and a destination may share a name (postgres) and a class path.
   */
  public String resourceDir() {
    return "META-INF/c8kit/" + kind.word() + "-" + name;
  }

  public String specResource() {
    return resourceDir() + "/spec.json";
  }

  /** {@link #specResource()} as {@code Class.getResource} takes it, from the class-path root. */
  public String specResourcePath() {
    return "/" + specResource();
  }

  public String streamSchemaResource(String stream) {
    return resourceDir() + "/streams/" + stream + ".json";
  }

  /** The launcher's path inside the image, e.g. {@code /airbyte/bin/source-faker}. */
  public String entrypoint() {
    return "/airbyte/bin/" + kind.word() + "-" + name;
  }

  /** Every record type reached from the streams (nested ones included), first appearance first. */
  public List<RecordTypeModel> recordTypes() {
    Map<ClassName, RecordTypeModel> seen = new LinkedHashMap<>();
    for (StreamModel stream : streams) {
      collect(stream.record(), seen);
    }
    return new ArrayList<>(seen.values());
  }

  private static void collect(TypeModel type, Map<ClassName, RecordTypeModel> seen) {
    if (type instanceof RecordTypeModel r) {
      if (seen.putIfAbsent(r.type(), r) == null) {
        r.fields().forEach(f -> collect(f.type(), seen));
      }
    } else if (type instanceof CollectionModel c) {
      collect(c.element(), seen);
    } else if (type instanceof OptionalModel o) {
      collect(o.element(), seen);
    }
  }
}
