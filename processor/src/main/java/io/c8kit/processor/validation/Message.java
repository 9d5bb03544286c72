package io.c8kit.processor.validation;

import java.util.Locale;

/**
 * The catalog of every diagnostic the processor reports, so that ids stay stable, wording stays
 * consistent and each message says how to fix the problem; the README's DSL reference lists the
 * same table.
 */
public enum Message {
  INTERNAL_ERROR(
      1,
      "internal error in the c8kit processor while processing %s (please report it "
          + "with this stack trace): %s"),
  BAD_OPTION(2, "Usage: %s; got \"%s\""),
  SOURCE_AND_DESTINATION(
      3,
      "%s is annotated with both @Source and @Destination; a class is one "
          + "connector: split it into a source class and a destination class"),
  CONNECTOR_NOT_CLASS(
      4,
      "@%s must annotate a class, but %s is %s; move the annotation to a public "
          + "concrete class"),
  CONNECTOR_ABSTRACT(
      5,
      "@%s class %s is abstract; the generated connector instantiates it, so remove "
          + "'abstract'"),
  CONNECTOR_NOT_PUBLIC(
      6, "@%s class %s (and every class enclosing it) must be public; add 'public'"),
  CONNECTOR_INNER(
      7, "@%s class %s is an inner class; declare it 'static' or move it to the top level"),
  CONNECTOR_NO_CONSTRUCTOR(
      8, "@%s class %s needs a public no-argument constructor; add 'public %s() {}'"),
  CONNECTOR_GENERIC(9, "@%s class %s must not declare type parameters; remove them"),
  INVALID_NAME(
      10, "name \"%s\" is not kebab-case ([a-z][a-z0-9]*(-[a-z0-9]+)*); use e.g. \"my-api\""),
  INVALID_VERSION(
      11,
      "version \"%s\" is not a semantic version; use MAJOR.MINOR.PATCH with an "
          + "optional -prerelease or +build, e.g. \"1.0.0\""),
  INVALID_DOCUMENTATION_URL(
      12,
      "documentationUrl \"%s\" is not an absolute http(s) URL; use e.g. "
          + "\"https://docs.example.com/connectors/my-api\" or leave it empty"),
  INVALID_DOCKER_IMAGE(
      13,
      "dockerImage \"%s\" is not a valid image repository "
          + "([a-z0-9]+([._/-][a-z0-9]+)*, no tag); use e.g. \"acme/source-my-api\" or leave it empty"),
  INVALID_BASE_IMAGE(
      14,
      "baseImage \"%s\" is blank or contains whitespace; use an image reference "
          + "such as \"eclipse-temurin:17-jre\" or leave it empty for the default"),
  INVALID_LOGO(
      15,
      "logo \"%s\" is neither a data: URI nor a classpath resource path; use e.g. "
          + "\"logo.svg\", \"data:image/svg+xml;base64,...\" or leave it empty"),
  DUPLICATE_DOCKER_CONTEXT(
      16,
      "connector %s is the second connector of this compilation; only %s gets "
          + "the module's Docker context META-INF/c8kit/docker/ and is what java -jar runs by default "
          + "(-Dc8kit.connector=CLASS picks another): put each connector in its own module"),
  TARGET_NOT_LOADED(
      17,
      "a c8kit target on the processor path cannot be loaded: %s; fix its entry in "
          + "META-INF/services/io.c8kit.processor.spi.TargetGenerator or take it off the processor path"),
  TARGET_FAILED(
      18,
      "target %s failed while generating for %s: %s; fix the target (its authors need this "
          + "stack trace) or leave it out with -Ac8kit.targets=%s"),
  NO_STREAMS(
      20, "@Source class %s declares no stream; add a @Stream method or a @Discover/@Read pair"),
  DUPLICATE_STREAM_NAME(
      21,
      "stream name \"%s\" is already used by method %s(); give one of them "
          + "another @Stream(name = ...)"),
  INVALID_STREAM_NAME(
      22,
      "stream name \"%s\" must match [A-Za-z0-9_]+; set @Stream(name = \"...\") "
          + "to e.g. \"%s\""),
  STREAM_RETURN_TYPE(
      23,
      "@%s method %s() returns %s; return Stream<R>, Iterator<R> or Iterable<R> "
          + "(R a record), or return void and take an Emitter<R> parameter"),
  PARAMETER_TYPE(
      24,
      "parameter %s of @%s method %s() has unsupported type %s; allowed parameters " + "are %s"),
  DUPLICATE_PARAMETER(25, "@%s method %s() takes more than one %s parameter; remove parameter %s"),
  METHOD_MODIFIERS(
      26,
      "@%s method %s() must be neither static nor private; the generated connector "
          + "calls it on the instance: remove '%s'"),
  RECORD_TYPE_NOT_RECORD(
      27,
      "@Stream method %s() produces %s, which is not a record; declare the "
          + "record type as 'record %s(...)' so its components define the stream schema"),
  PRIMARY_KEY_MISSING_FIELD(
      28,
      "primaryKey \"%s\" of stream %s names no field of %s; use one of "
          + "%s (dots for nested records)"),
  PRIMARY_KEY_NOT_SCALAR(
      29,
      "primaryKey \"%s\" of stream %s is %s; primary keys must be scalar "
          + "(string, number, integer, boolean, temporal or enum): choose a scalar field"),
  CURSOR_MISSING_FIELD(
      30, "cursor \"%s\" of stream %s names no top-level field of %s; use one of %s"),
  CURSOR_TYPE(
      31,
      "%s \"%s\" of stream %s has type %s, which cannot be compared as a cursor; use "
          + "Instant, OffsetDateTime, LocalDateTime, LocalDate, long, int, BigDecimal, double or String"),
  CURSOR_PARAMETER_MISMATCH(
      32,
      "parameter %s is Cursor<%s> but cursor field \"%s\" is %s; declare " + "it as Cursor<%s>"),
  CURSOR_PARAMETER_WITHOUT_CURSOR(
      33,
      "@Stream method %s() takes a Cursor parameter but declares no "
          + "cursor; add @Stream(cursor = \"<field>\") or remove the parameter"),
  INCREMENTAL_WITHOUT_CURSOR(
      34,
      "stream %s lists INCREMENTAL in syncModes but declares no cursor; "
          + "add @Stream(cursor = \"<field>\") or remove INCREMENTAL"),
  PAGE_KEY_MISSING_FIELD(
      35, "pageKey \"%s\" of stream %s names no top-level field of %s; use one of %s"),
  PAGE_PARAMETER_MISMATCH(
      36, "parameter %s is Page<%s> but page key field \"%s\" is %s; declare it " + "as Page<%s>"),
  PAGE_PARAMETER_WITHOUT_PAGE_KEY(
      37,
      "@Stream method %s() takes a Page parameter but declares no "
          + "pageKey; add @Stream(pageKey = \"<field>\") or remove the parameter"),
  PAGE_KEY_WITHOUT_PAGE_PARAMETER(
      38,
      "stream %s declares pageKey \"%s\" but method %s() takes no "
          + "Page<T> parameter, so it cannot resume; add a Page<%s> parameter or remove pageKey"),
  FIELD_TYPE_UNSUPPORTED(
      39,
      "record component %s of %s has unsupported type %s; use a primitive, "
          + "boxed number, String, BigDecimal, a java.time type, an enum, a record, List/Set/Optional of "
          + "those, Map<String, ?> or JsonNode%s"),
  DUPLICATE_FIELD_NAME(
      40,
      "JSON name \"%s\" of component %s is already used in %s; set another "
          + "name with @Field(name = ...) or @Property(name = ...)"),
  RECURSIVE_TYPE(
      41,
      "record %s refers to itself through component %s; JSON schemas without $ref "
          + "cannot describe recursion: break the cycle"),
  NEGATIVE_CHECKPOINT(
      42, "%s of stream %s is %d; use 0 for the runtime default or a positive number"),
  CONFIG_TYPE_MISMATCH(
      50,
      "config type %s of %s() differs from %s taken by %s(); every @Check, "
          + "@Stream, @Discover, @Read and @Writer method must take the same config type"),
  CONFIG_NOT_RECORD(
      51,
      "config type %s is not a record; declare it as 'public record %s(...)' so its "
          + "components define the spec"),
  CONFIG_PROPERTY_TYPE(
      52,
      "config property %s of %s has unsupported type %s; use int, long, double, "
          + "boolean (or boxed), BigDecimal, String, Instant, OffsetDateTime, LocalDate, an enum, a record, "
          + "a sealed @OneOf interface, List/Set/Optional of those, JsonNode or Map<String, String>%s"),
  DEFAULT_UNPARSEABLE(
      53,
      "@DefaultValue(\"%s\") of %s is not a valid %s: %s; write the default as it "
          + "would appear in JSON, e.g. %s"),
  DEFAULT_ON_SECRET(
      54,
      "secret property %s must not have a @DefaultValue; a default would be shipped "
          + "in the spec: remove @DefaultValue"),
  DUPLICATE_ORDER(
      55,
      "order %d of property %s is already used by %s in %s; orders must be unique "
          + "among siblings: pick another @Property(order = ...)"),
  DUPLICATE_PROPERTY_NAME(
      56,
      "property name \"%s\" of %s is already used by %s; set another " + "@Property(name = ...)"),
  SECRET_NOT_SCALAR(
      57,
      "@Secret property %s is %s; only string, integer and number properties can "
          + "be secret: remove @Secret or change the type"),
  SECRET_NOT_MARKED(
      58,
      "property \"%s\" looks like a secret but is not marked; add @Secret so it is "
          + "masked in logs and marked airbyte_secret (or rename it with @Property(name = ...))"),
  MIN_MAX_NOT_NUMERIC(
      59,
      "%s of property %s applies to integer and number properties only, not %s; " + "remove it"),
  MIN_GREATER_THAN_MAX(60, "minimum %s of property %s is greater than its maximum %s; swap them"),
  INVALID_PATTERN(
      61,
      "pattern \"%s\" of property %s is not a valid regular expression (%s); fix the " + "regex"),
  PATTERN_NOT_STRING(62, "%s of property %s applies to string properties only, not %s; remove it"),
  GROUP_NOT_TOP_LEVEL(
      63,
      "group \"%s\" of nested property %s has no effect: Airbyte groups apply to "
          + "top-level properties only; remove it or set it on the enclosing top-level property"),
  ONEOF_NOT_SEALED(
      64,
      "@OneOf type %s must be a sealed interface whose permitted subclasses are the "
          + "options; declare it 'sealed interface %s permits ...'"),
  CHOICE_NOT_RECORD(
      65,
      "option %s of @OneOf %s is not a record; declare it as 'record %s(...) " + "implements %s'"),
  CHOICE_MISSING(
      66,
      "option %s of @OneOf %s has no @Choice; add @Choice(\"<constant>\") with the "
          + "discriminator value of this option"),
  DUPLICATE_CHOICE(
      67,
      "@Choice value \"%s\" of %s is already used by %s; discriminator values must be "
          + "unique: pick another value"),
  DISCRIMINATOR_CLASH(
      68,
      "component %s of option %s has JSON name \"%s\", which is the discriminator "
          + "of @OneOf %s; rename the component or choose another discriminator"),
  EXAMPLE_UNPARSEABLE(69, "example \"%s\" of property %s is not a valid %s: %s; fix or remove it"),
  INVALID_DISCRIMINATOR(
      70, "discriminator \"%s\" of @OneOf %s is not a property name; use e.g. " + "\"auth_type\""),
  DEFAULT_OUT_OF_RANGE(
      71,
      "@DefaultValue(\"%s\") of property %s is outside [%s, %s]; change the "
          + "default or the bounds"),
  INVALID_ORDER(72, "order %d of property %s is negative; use 0 or more, or leave it unset (-1)"),
  CHECK_SIGNATURE(80, "@Check method %s() %s; declare it as 'void %s(%s config)'"),
  DUPLICATE_CHECK(81, "@Check method %s() is the second check of %s (the first is %s()); keep one"),
  ORPHAN_METHOD(
      82,
      "@%s method %s() is in %s, which is neither a @Source nor a @Destination; move it "
          + "into the connector class or annotate the class"),
  DISCOVER_WITHOUT_READ(
      83,
      "@Discover method %s() needs a @Read method that reads the discovered " + "streams; add one"),
  READ_WITHOUT_DISCOVER(
      84, "@Read method %s() needs a @Discover method that lists the streams; add " + "one"),
  DISCOVER_SIGNATURE(
      85,
      "@Discover method %s() %s; declare it as 'List<DiscoveredStream> %s(Config " + "config)'"),
  READ_RECORD_TYPE(
      86,
      "@Read method %s() produces %s; discovered records must be ObjectNode, JsonNode "
          + "or Map<String, ?> (or Object with an Emitter)"),
  DUPLICATE_METHOD(87, "@%s method %s() is the second one in %s (the first is %s()); keep one"),
  NO_WRITER(
      90,
      "@Destination class %s has no @Writer method; add 'SyncWriter write(Config config, "
          + "WriteContext context)'"),
  WRITER_SIGNATURE(
      92,
      "@Writer method %s() %s; declare it as 'SyncWriter %s(Config config, "
          + "WriteContext context)'"),
  SOURCE_METHOD_ON_DESTINATION(
      93,
      "@%s method %s() is in @Destination class %s; sources read "
          + "streams, destinations only write: remove the annotation or move the method to a @Source"),
  WRITER_ON_SOURCE(
      94,
      "@Writer method %s() is in @Source class %s; only destinations write: remove "
          + "it or move it to a @Destination"),
  NO_DESTINATION_SYNC_MODES(
      95,
      "@Destination syncModes of %s is empty; list at least one of APPEND, "
          + "OVERWRITE, APPEND_DEDUP"),
  UNRESOLVED_TYPE(
      96,
      "%s, used by %s, is unknown or inaccessible after the last round of annotation "
          + "processing; if another annotation processor generates it, put that processor on the processor "
          + "path of this compilation, otherwise fix its name, import or visibility (code generated in the "
          + "connector's package must be able to name it)"),
  INACCESSIBLE_TYPE(
      97,
      "%s, the %s, is %s, so the code c8kit generates in %s cannot use it; declare "
          + "%s public, at the top level or in a public class"),
  GENERATED_NAME_CLASH(98, "c8kit generates %s %s for %s, but %s; rename %s"),
  DUPLICATE_CONNECTOR_NAME(
      99,
      "%s name \"%s\" is already used by %s in this compilation; names of "
          + "connectors of one kind must be unique: set another @%s(name = ...)"),
  CONSTRUCTOR_THROWS_CHECKED(
      100,
      "the public no-argument constructor of @%s class %s declares checked "
          + "exception %s, which the generated connector cannot pass on; handle it in the constructor or "
          + "rethrow it unchecked, e.g. wrapped in an IllegalStateException"),
  RETURN_TYPE_AMBIGUOUS(
      101,
      "@%s method %s() returns %s, which is %s at once, so the generated code "
          + "cannot tell how to drain it; declare the return type as only one of Stream<R>, Iterator<R> or "
          + "Iterable<R>"),
  BOUND_NOT_FINITE(
      102,
      "%s of property %s is %s; JSON numbers are finite: use a finite bound or leave "
          + "it unset"),
  NAME_TOO_LONG(
      103,
      "%s makes the generated file name %s %d bytes long, over the %d bytes most file "
          + "systems allow; shorten it"),
  DUPLICATE_ENUM_NAME(
      104,
      "JSON name \"%s\" of constant %s of enum %s is already the JSON name of "
          + "constant %s; the JSON names of an enum must be unique: change @Field(name = ...)"),
  VALUE_VIOLATES_CONSTRAINT(105, "%s of property %s %s; change the value or the constraint"),
  STREAM_OF_LIBRARY_TYPE(
      106,
      "@Stream method %s() produces %s, which is not a record with fixed "
          + "fields; declare a record for the rows (e.g. 'record Row(long id, String name)') and return "
          + "Stream<Row>, or for schemaless data use a @Discover/@Read pair, whose records may be ObjectNode, "
          + "JsonNode or Map<String, ?>"),
  METHOD_THROWS_THROWABLE(
      107,
      "@%s method %s() declares 'throws %s', which the generated code cannot "
          + "pass on (it passes on any Exception); declare Exception or a narrower type"),
  HTTP_STREAM_HAS_BODY(
      110,
      "@HttpStream method %s() has a body, but the generated %s implements it; "
          + "declare it 'abstract' without a body, or remove @HttpStream and keep the body"),
  HTTP_STREAM_WITHOUT_STREAM(
      111,
      "@HttpStream method %s() has no @Stream; add @Stream (with its primaryKey, "
          + "cursor or pageKey) so that it is a stream"),
  HTTP_STREAM_WITHOUT_HTTP_SOURCE(
      112,
      "@HttpStream method %s() is in %s, which has no @HttpSource; add "
          + "@HttpSource(baseUrl = \"{base_url}\") to the class and declare the class abstract"),
  ABSTRACT_METHOD_NOT_HTTP(
      113,
      "abstract method %s() of @HttpSource class %s is neither an @HttpStream nor an "
          + "API factory, so the generated subclass cannot implement it; annotate it with @Stream and "
          + "@HttpStream, declare it 'HttpApi %s(%s config)' (or HttpApi.Builder), or give it a body"),
  HTTP_TOOLKIT_MISSING(
      114,
      "@HttpSource class %s needs io.c8kit.http.HttpApi, which is not on the class "
          + "path; add the dependency io.c8kit:c8kit-http"),
  HTTP_PROPERTY_UNKNOWN(
      115,
      "%s names config property \"%s\", which %s does not have; use one of %s (top-level "
          + "JSON names)"),
  HTTP_PROPERTY_TYPE(
      116,
      "%s names config property \"%s\" of type %s, but needs %s; change the component's "
          + "type or name another property"),
  HTTP_VALUE_MALFORMED(117, "%s \"%s\" %s; write it as %s"),
  HTTP_JSON_POINTER(
      118,
      "%s \"%s\" is not a JSON pointer; use \"\" for the whole body or a path starting "
          + "with '/', e.g. \"/data\" or \"/meta/next_cursor\""),
  HTTP_PAGINATOR_INCONSISTENT(119, "@Paginate(kind = %s) of stream %s %s; %s"),
  HTTP_POSITION_WITHOUT_PARAMETER(
      120,
      "%s = \"%s\" of stream %s sends the %s, but %s() takes no %s "
          + "parameter; add one (with @Stream(%s = ...)) or remove %s"),
  HTTP_AUTH_INCONSISTENT(121, "@HttpAuth(scheme = %s) %s; %s"),
  HTTP_AUTH_NOT_SECRET(
      122,
      "@HttpAuth %s names config property \"%s\", which is not @Secret, so its value "
          + "would be shown in UIs and could reach logs; add @Secret to component %s"),
  HTTP_STREAM_SIGNATURE(
      123,
      "@HttpStream method %s() %s; declare it as 'abstract java.util.stream.Stream<R> "
          + "%s(%s config)', optionally also taking Cursor<T> or Page<T> and StreamContext"),
  INVALID_CONCURRENCY(
      124,
      "@Source(concurrency = %d) of %s must be at least 1 (1 reads the streams one after "
          + "another)"),
  IO_BOUND_WITHOUT_CONCURRENCY(
      125,
      "@Source(ioBound = true) of %s has no effect while concurrency is 1 (the streams are read one "
          + "after another); raise concurrency to how many streams may wait at once, or remove "
          + "ioBound");

  private final int number;
  private final String template;

  Message(int number, String template) {
    this.number = number;
    this.template = template;
  }

  /** The stable id, e.g. {@code C8K-012}. */
  public String id() {
    return String.format(Locale.ROOT, "C8K-%03d", number);
  }

  /** The template with its arguments, prefixed by {@code [C8K-nnn]}. */
  public String format(Object... args) {
    return "[" + id() + "] " + String.format(Locale.ROOT, template, args);
  }

  /** The raw template, for the documentation table. */
  public String template() {
    return template;
  }
}
