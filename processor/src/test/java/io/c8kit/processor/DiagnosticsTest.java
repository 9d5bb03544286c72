package io.c8kit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.c8kit.processor.validation.Message;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One compile-testing case per diagnostic of the catalog: each pins the message id and text, the
 * file, the line and the total error count (so cascades would fail the test).
 */
class DiagnosticsTest {
  private static final String IMPORTS =
      String.join(
          "\n",
          "package test;",
          "import io.c8kit.annotations.*;",
          "import io.c8kit.annotations.http.*;",
          "import io.c8kit.source.*;",
          "import io.c8kit.destination.*;",
          "import java.util.*;",
          "import java.time.*;",
          "import java.math.BigDecimal;",
          "import com.fasterxml.jackson.databind.node.ObjectNode;",
          "");

  static final String S = "@Source(name = \"t\", version = \"1.0.0\")";
  static final String D = "@Destination(name = \"t\", version = \"1.0.0\")";
  static final String CFG = "public record Config(@DefaultValue(\"1\") int n) {}";
  static final String R = "public record R(long id, Instant updatedAt, String name) {}";
  static final String STREAM = "@Stream java.util.stream.Stream<R> rows(Config c) { return null; }";
  static final String WRITER = "@Writer SyncWriter open(Config c, WriteContext w) { return null; }";

  /**
   * One diagnostic case: the id, a fragment of its text, the line it must point at, the error
   * count.
   */
  record Case(Message message, String fragment, String onLine, int errors, String body) {
    @Override
    public String toString() {
      return message.id() + " " + message.name() + " (" + fragment + ")";
    }
  }

  static Case c(Message m, String fragment, String onLine, int errors, String... body) {
    return new Case(m, fragment, onLine, errors, String.join("\n", body));
  }

  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    // The connector class.
    cases.add(
        c(
            Message.SOURCE_AND_DESTINATION,
            "both @Source and @Destination",
            "@Destination",
            1,
            S,
            D,
            "public class T {",
            CFG,
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.CONNECTOR_NOT_CLASS,
            "T is an interface",
            "@Source",
            1,
            S,
            "public interface T {}"));
    cases.add(
        c(
            Message.CONNECTOR_ABSTRACT,
            "remove 'abstract'",
            "@Source",
            1,
            S,
            "public abstract class T {",
            CFG,
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.CONNECTOR_NOT_PUBLIC,
            "must be public",
            "@Source",
            1,
            S,
            "class T {",
            "public T() {}",
            CFG,
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.CONNECTOR_INNER,
            "is an inner class",
            "@Source",
            1,
            "public class T {",
            S,
            "public class Inner {",
            CFG,
            R,
            STREAM,
            "}",
            "}"));
    cases.add(
        c(
            Message.CONNECTOR_NO_CONSTRUCTOR,
            "add 'public T() {}'",
            "@Source",
            1,
            S,
            "public class T {",
            "public T(int x) {}",
            CFG,
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.CONNECTOR_GENERIC,
            "type parameters",
            "@Source",
            1,
            S,
            "public class T<X> {",
            CFG,
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.INVALID_NAME,
            "\"Bad_Name\" is not kebab-case",
            "name = \"Bad_Name\"",
            1,
            "@Source(",
            "    name = \"Bad_Name\",",
            "    version = \"1.0.0\")",
            "public class T {",
            CFG,
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.INVALID_VERSION,
            "\"1.0\" is not a semantic version",
            "version = \"1.0\"",
            1,
            "@Source(",
            "    name = \"t\",",
            "    version = \"1.0\")",
            "public class T {",
            CFG,
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.INVALID_DOCUMENTATION_URL,
            "\"ftp://x/y\" is not an absolute http(s) URL",
            "documentationUrl =",
            1,
            "@Source(name = \"t\", version = \"1.0.0\",",
            "    documentationUrl = \"ftp://x/y\")",
            "public class T {",
            CFG,
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.INVALID_DOCKER_IMAGE,
            "\"Acme/Source:1\" is not a valid image repository",
            "dockerImage =",
            1,
            "@Source(name = \"t\", version = \"1.0.0\",",
            "    dockerImage = \"Acme/Source:1\")",
            "public class T {",
            CFG,
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.INVALID_BASE_IMAGE,
            "blank or contains whitespace",
            "baseImage =",
            1,
            "@Source(name = \"t\", version = \"1.0.0\",",
            "    baseImage = \"my image\")",
            "public class T {",
            CFG,
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.INVALID_CONCURRENCY,
            "@Source(concurrency = 0) of T must be at least 1",
            "concurrency =",
            1,
            "@Source(name = \"t\", version = \"1.0.0\",",
            "    concurrency = 0)",
            "public class T {",
            CFG,
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.IO_BOUND_WITHOUT_CONCURRENCY,
            "@Source(ioBound = true) of T has no effect while concurrency is 1",
            "ioBound =",
            1,
            "@Source(name = \"t\", version = \"1.0.0\",",
            "    ioBound = true)",
            "public class T {",
            CFG,
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.INVALID_LOGO,
            "neither a data: URI nor a classpath resource",
            "logo =",
            1,
            "@Source(name = \"t\", version = \"1.0.0\",",
            "    logo = \"has space.svg\")",
            "public class T {",
            CFG,
            R,
            STREAM,
            "}"));
    // Streams.
    cases.add(
        c(
            Message.NO_STREAMS,
            "declares no stream",
            "@Source",
            1,
            S,
            "public class T {",
            CFG,
            "@Check void check(Config c) {}",
            "}"));
    cases.add(
        c(
            Message.DUPLICATE_STREAM_NAME,
            "\"rows\" is already used by method rows()",
            "@Stream(name = \"rows\")",
            1,
            S,
            "public class T {",
            CFG,
            R,
            STREAM,
            "@Stream(name = \"rows\") java.util.stream.Stream<R> other(Config c) { return null; }",
            "}"));
    cases.add(
        c(
            Message.INVALID_STREAM_NAME,
            "\"my-rows\" must match [A-Za-z0-9_]+",
            "my-rows",
            1,
            S,
            "public class T {",
            CFG,
            R,
            "@Stream(name = \"my-rows\") java.util.stream.Stream<R> rows(Config c) { return null; }",
            "}"));
    cases.add(
        c(
            Message.STREAM_RETURN_TYPE,
            "rows() returns String",
            "String rows",
            1,
            S,
            "public class T {",
            CFG,
            R,
            "@Stream String rows(Config c) { return null; }",
            "}"));
    cases.add(
        c(
            Message.STREAM_RETURN_TYPE,
            "rows() returns int and takes an Emitter",
            "int rows",
            2,
            S,
            "public class T {",
            CFG,
            R,
            "@Stream int rows(Config c, Emitter<R> e) { return 0; }",
            "@Stream void other(Config c) {}",
            "}"));
    cases.add(
        c(
            Message.PARAMETER_TYPE,
            "parameter limit of @Stream method rows() has unsupported type int",
            "int limit",
            1,
            S,
            "public class T {",
            CFG,
            R,
            "@Stream java.util.stream.Stream<R> rows(Config c,",
            "    int limit) { return null; }",
            "}"));
    cases.add(
        c(
            Message.DUPLICATE_PARAMETER,
            "more than one StreamContext parameter; remove parameter b",
            "StreamContext b",
            1,
            S,
            "public class T {",
            CFG,
            R,
            "@Stream java.util.stream.Stream<R> rows(Config c, StreamContext a,",
            "    StreamContext b) { return null; }",
            "}"));
    cases.add(
        c(
            Message.METHOD_MODIFIERS,
            "remove 'static'",
            "@Stream static",
            1,
            S,
            "public class T {",
            CFG,
            R,
            "@Stream static java.util.stream.Stream<R> rows(Config c) { return null; }",
            "}"));
    cases.add(
        c(
            Message.METHOD_MODIFIERS,
            "remove 'private'",
            "@Stream private",
            1,
            S,
            "public class T {",
            CFG,
            R,
            "@Stream private java.util.stream.Stream<R> rows(Config c) { return null; }",
            "}"));
    cases.add(
        c(
            Message.RECORD_TYPE_NOT_RECORD,
            "produces T.Row, which is not a record; declare the record "
                + "type as 'record Row(...)'",
            "Stream<Row>",
            1,
            S,
            "public class T {",
            CFG,
            "public static class Row {}",
            "@Stream java.util.stream.Stream<Row> rows(Config c) { return null; }",
            "}"));
    cases.add(
        c(
            Message.PRIMARY_KEY_MISSING_FIELD,
            "primaryKey \"nope\" of stream rows names no field of R",
            "primaryKey = \"nope\"",
            1,
            S,
            "public class T {",
            CFG,
            R,
            "@Stream(",
            "    primaryKey = \"nope\")",
            "java.util.stream.Stream<R> rows(Config c) { return null; }",
            "}"));
    cases.add(
        c(
            Message.PRIMARY_KEY_MISSING_FIELD,
            "primaryKey \"address.zip\"",
            "primaryKey = \"address",
            1,
            S,
            "public class T {",
            CFG,
            "public record A(String street) {}",
            "public record R(long id, A address) {}",
            "@Stream(",
            "    primaryKey = \"address.zip\")",
            "java.util.stream.Stream<R> rows(Config c) { return null; }",
            "}"));
    cases.add(
        c(
            Message.PRIMARY_KEY_NOT_SCALAR,
            "primaryKey \"tags\" of stream rows is an array",
            "primaryKey = \"tags\"",
            1,
            S,
            "public class T {",
            CFG,
            "public record R(long id, List<String> tags) {}",
            "@Stream(",
            "    primaryKey = \"tags\")",
            "java.util.stream.Stream<R> rows(Config c) { return null; }",
            "}"));
    cases.add(
        c(
            Message.CURSOR_MISSING_FIELD,
            "cursor \"nope\" of stream rows names no top-level field",
            "cursor = \"nope\"",
            1,
            S,
            "public class T {",
            CFG,
            R,
            "@Stream(",
            "    cursor = \"nope\")",
            "java.util.stream.Stream<R> rows(Config c) { return null; }",
            "}"));
    cases.add(
        c(
            Message.CURSOR_TYPE,
            "cursor \"active\" of stream rows has type boolean",
            "cursor = \"active\"",
            1,
            S,
            "public class T {",
            CFG,
            "public record R(long id, boolean active) {}",
            "@Stream(",
            "    cursor = \"active\")",
            "java.util.stream.Stream<R> rows(Config c) { return null; }",
            "}"));
    cases.add(
        c(
            Message.CURSOR_PARAMETER_MISMATCH,
            "parameter since is Cursor<Long> but cursor field "
                + "\"updated_at\" is Instant; declare it as Cursor<Instant>",
            "Cursor<Long> since",
            1,
            S,
            "public class T {",
            CFG,
            R,
            "@Stream(cursor = \"updated_at\")",
            "java.util.stream.Stream<R> rows(Config c,",
            "    Cursor<Long> since) { return null; }",
            "}"));
    cases.add(
        c(
            Message.CURSOR_PARAMETER_WITHOUT_CURSOR,
            "takes a Cursor parameter but declares no cursor",
            "@Stream",
            1,
            S,
            "public class T {",
            CFG,
            R,
            "@Stream",
            "java.util.stream.Stream<R> rows(Config c, Cursor<Instant> since) { return null; }",
            "}"));
    cases.add(
        c(
            Message.INCREMENTAL_WITHOUT_CURSOR,
            "lists INCREMENTAL in syncModes but declares no cursor",
            "syncModes =",
            1,
            S,
            "public class T {",
            CFG,
            R,
            "@Stream(",
            "    syncModes = SyncMode.INCREMENTAL)",
            "java.util.stream.Stream<R> rows(Config c) { return null; }",
            "}"));
    cases.add(
        c(
            Message.PAGE_KEY_MISSING_FIELD,
            "pageKey \"nope\" of stream rows names no top-level field",
            "pageKey = \"nope\"",
            1,
            S,
            "public class T {",
            CFG,
            R,
            "@Stream(",
            "    pageKey = \"nope\")",
            "java.util.stream.Stream<R> rows(Config c) { return null; }",
            "}"));
    cases.add(
        c(
            Message.CURSOR_TYPE,
            "pageKey \"tags\" of stream rows has type collection",
            "pageKey = \"tags\"",
            1,
            S,
            "public class T {",
            CFG,
            "public record R(long id, List<String> tags) {}",
            "@Stream(",
            "    pageKey = \"tags\")",
            "java.util.stream.Stream<R> rows(Config c, Page<Long> p) { return null; }",
            "}"));
    cases.add(
        c(
            Message.PAGE_PARAMETER_MISMATCH,
            "parameter p is Page<String> but page key field \"id\" is long",
            "Page<String> p",
            1,
            S,
            "public class T {",
            CFG,
            R,
            "@Stream(pageKey = \"id\")",
            "java.util.stream.Stream<R> rows(Config c,",
            "    Page<String> p) { return null; }",
            "}"));
    cases.add(
        c(
            Message.PAGE_PARAMETER_WITHOUT_PAGE_KEY,
            "takes a Page parameter but declares no pageKey",
            "@Stream",
            1,
            S,
            "public class T {",
            CFG,
            R,
            "@Stream",
            "java.util.stream.Stream<R> rows(Config c, Page<Long> p) { return null; }",
            "}"));
    cases.add(
        c(
            Message.PAGE_KEY_WITHOUT_PAGE_PARAMETER,
            "add a Page<Long> parameter or remove pageKey",
            "pageKey = \"id\"",
            1,
            S,
            "public class T {",
            CFG,
            R,
            "@Stream(",
            "    pageKey = \"id\")",
            "java.util.stream.Stream<R> rows(Config c) { return null; }",
            "}"));
    cases.add(
        c(
            Message.FIELD_TYPE_UNSUPPORTED,
            "record component blob of R has unsupported type Object",
            "Object blob",
            1,
            S,
            "public class T {",
            CFG,
            "public record R(long id,",
            "    Object blob) {}",
            STREAM,
            "}"));
    cases.add(
        c(
            Message.DUPLICATE_FIELD_NAME,
            "JSON name \"x\" of component b is already used in R by a",
            "String b",
            1,
            S,
            "public class T {",
            CFG,
            "public record R(@Field(name = \"x\") String a,",
            "    @Field(name = \"x\") String b) {}",
            STREAM,
            "}"));
    cases.add(
        c(
            Message.RECURSIVE_TYPE,
            "record Node refers to itself through component Node.children",
            "List<Node> children",
            1,
            S,
            "public class T {",
            CFG,
            "public record Node(String name,",
            "    List<Node> children) {}",
            "@Stream java.util.stream.Stream<Node> rows(Config c) { return null; }",
            "}"));
    cases.add(
        c(
            Message.NEGATIVE_CHECKPOINT,
            "checkpointRecords of stream rows is -1",
            "checkpointRecords",
            1,
            S,
            "public class T {",
            CFG,
            R,
            "@Stream(",
            "    checkpointRecords = -1)",
            "java.util.stream.Stream<R> rows(Config c) { return null; }",
            "}"));
    // Config.
    cases.add(
        c(
            Message.CONFIG_TYPE_MISMATCH,
            "config type T.Other of check() differs from T.Config taken by rows()",
            "Other other",
            1,
            S,
            "public class T {",
            CFG,
            "public record Other(int n) {}",
            R,
            STREAM,
            "@Check void check(",
            "    Other other) {}",
            "}"));
    cases.add(
        c(
            Message.CONFIG_NOT_RECORD,
            "config type T.Config is not a record",
            "rows(Config c)",
            1,
            S,
            "public class T {",
            "public static class Config {}",
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.CONFIG_PROPERTY_TYPE,
            "config property value of Config has unsupported type Object",
            "Object value",
            1,
            S,
            "public class T {",
            "public record Config(int n,",
            "    Object value) {}",
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.CONFIG_PROPERTY_TYPE,
            "a sealed interface needs @OneOf",
            "Shape shape",
            1,
            S,
            "public class T {",
            "public sealed interface Shape permits Circle {}",
            "public record Circle(int r) implements Shape {}",
            "public record Config(int n,",
            "    Shape shape) {}",
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.DEFAULT_UNPARSEABLE,
            "@DefaultValue(\"abc\") of n is not a valid int",
            "\"abc\"",
            1,
            S,
            "public class T {",
            "public record Config(",
            "    @DefaultValue(\"abc\") int n) {}",
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.DEFAULT_UNPARSEABLE,
            "expected one of [a, b]",
            "\"c\"",
            1,
            S,
            "public class T {",
            "public enum E { a, b }",
            "public record Config(",
            "    @DefaultValue(\"c\") E e) {}",
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.DEFAULT_UNPARSEABLE,
            "array element 1 is not a JSON string",
            "[1]",
            1,
            S,
            "public class T {",
            "public record Config(",
            "    @DefaultValue(\"[1]\") List<String> tags) {}",
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.DEFAULT_ON_SECRET,
            "secret property password must not have a @DefaultValue",
            "@DefaultValue(\"x\")",
            1,
            S,
            "public class T {",
            "public record Config(@Secret",
            "    @DefaultValue(\"x\") String password) {}",
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.DUPLICATE_ORDER,
            "order 1 of property b is already used by a in Config",
            "int b",
            1,
            S,
            "public class T {",
            "public record Config(@Property(order = 1) int a,",
            "    @Property(order = 1) int b) {}",
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.DUPLICATE_PROPERTY_NAME,
            "property name \"a\" of b is already used by a",
            "int b",
            1,
            S,
            "public class T {",
            "public record Config(int a,",
            "    @Property(name = \"a\") int b) {}",
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.SECRET_NOT_SCALAR,
            "@Secret property keys is JSON array",
            "List<String> keys",
            1,
            S,
            "public class T {",
            "public record Config(int n,",
            "    @Secret List<String> keys) {}",
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.SECRET_NOT_MARKED,
            "property \"password\" looks like a secret",
            "String password",
            1,
            S,
            "public class T {",
            "public record Config(int n,",
            "    String password) {}",
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.SECRET_NOT_MARKED,
            "property \"api_token\" looks like a secret",
            "apiToken",
            1,
            S,
            "public class T {",
            "public record Config(int n,",
            "    Optional<String> apiToken) {}",
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.MIN_MAX_NOT_NUMERIC,
            "minimum of property s applies to integer and number properties",
            "String s",
            1,
            S,
            "public class T {",
            "public record Config(int n,",
            "    @Property(minimum = 1) String s) {}",
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.MIN_GREATER_THAN_MAX,
            "minimum 5 of property n is greater than its maximum 1",
            "minimum = 5",
            1,
            S,
            "public class T {",
            "public record Config(",
            "    @Property(minimum = 5, maximum = 1) int n) {}",
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.INVALID_PATTERN,
            "pattern \"[a-\" of property s is not a valid regular expression",
            "pattern = \"[a-\"",
            1,
            S,
            "public class T {",
            "public record Config(int n,",
            "    @Property(pattern = \"[a-\") String s) {}",
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.PATTERN_NOT_STRING,
            "pattern of property m applies to string properties only",
            "int m",
            1,
            S,
            "public class T {",
            "public record Config(int n,",
            "    @Property(pattern = \"x\") int m) {}",
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.GROUP_NOT_TOP_LEVEL,
            "group \"g\" of nested property host",
            "group = \"g\"",
            1,
            S,
            "public class T {",
            "public record Tunnel(@Property(group = \"g\")",
            "    String host) {}",
            "public record Config(Tunnel tunnel) {}",
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.ONEOF_NOT_SEALED,
            "@OneOf type Auth must be a sealed interface",
            "@OneOf(discriminator = \"type\")",
            1,
            S,
            "public class T {",
            "@OneOf(discriminator = \"type\")",
            "public interface Auth {}",
            "public record Config(Auth auth) {}",
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.CHOICE_NOT_RECORD,
            "option Basic of @OneOf Auth is not a record",
            "final class Basic",
            1,
            S,
            "public class T {",
            "@OneOf(discriminator = \"type\")",
            "public sealed interface Auth permits Basic {}",
            "public static final class Basic implements Auth {}",
            "public record Config(Auth auth) {}",
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.CHOICE_MISSING,
            "option Basic of @OneOf Auth has no @Choice",
            "record Basic",
            1,
            S,
            "public class T {",
            "@OneOf(discriminator = \"type\")",
            "public sealed interface Auth permits Basic {}",
            "public record Basic(String user) implements Auth {}",
            "public record Config(Auth auth) {}",
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.DUPLICATE_CHOICE,
            "@Choice value \"a\" of B is already used by A",
            "record B",
            1,
            S,
            "public class T {",
            "@OneOf(discriminator = \"type\")",
            "public sealed interface Auth permits A, B {}",
            "@Choice(\"a\") public record A(String user) implements Auth {}",
            "@Choice(\"a\") public record B(String user) implements Auth {}",
            "public record Config(Auth auth) {}",
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.DISCRIMINATOR_CLASH,
            "component type of option A has JSON name \"type\"",
            "String type",
            1,
            S,
            "public class T {",
            "@OneOf(discriminator = \"type\")",
            "public sealed interface Auth permits A {}",
            "@Choice(\"a\") public record A(",
            "    String type) implements Auth {}",
            "public record Config(Auth auth) {}",
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.EXAMPLE_UNPARSEABLE,
            "example \"many\" of property n is not a valid int",
            "many",
            1,
            S,
            "public class T {",
            "public record Config(",
            "    @Property(examples = \"many\") int n) {}",
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.INVALID_DISCRIMINATOR,
            "discriminator \"auth type\" of @OneOf Auth",
            "auth type",
            1,
            S,
            "public class T {",
            "@OneOf(",
            "    discriminator = \"auth type\")",
            "public sealed interface Auth permits A {}",
            "@Choice(\"a\") public record A(String user) implements Auth {}",
            "public record Config(Auth auth) {}",
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.DEFAULT_OUT_OF_RANGE,
            "@DefaultValue(\"0\") of property n is outside [1, +inf]",
            "@DefaultValue(\"0\")",
            1,
            S,
            "public class T {",
            "public record Config(@Property(minimum = 1)",
            "    @DefaultValue(\"0\") int n) {}",
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.INVALID_ORDER,
            "order -5 of property n is negative",
            "order = -5",
            1,
            S,
            "public class T {",
            "public record Config(",
            "    @Property(order = -5) int n) {}",
            R,
            STREAM,
            "}"));
    // Check, discover, read, placement.
    cases.add(
        c(
            Message.CHECK_SIGNATURE,
            "check() returns int",
            "int check",
            1,
            S,
            "public class T {",
            CFG,
            R,
            STREAM,
            "@Check int check(Config c) { return 0; }",
            "}"));
    cases.add(
        c(
            Message.CHECK_SIGNATURE,
            "check() takes 2 parameters",
            "void check",
            1,
            S,
            "public class T {",
            CFG,
            R,
            STREAM,
            "@Check void check(Config c, int x) {}",
            "}"));
    cases.add(
        c(
            Message.CHECK_SIGNATURE,
            "check() takes a String instead of the config record",
            "String s",
            1,
            S,
            "public class T {",
            CFG,
            R,
            STREAM,
            "@Check void check(",
            "    String s) {}",
            "}"));
    cases.add(
        c(
            Message.DUPLICATE_CHECK,
            "check2() is the second check of T (the first is check())",
            "check2",
            1,
            S,
            "public class T {",
            CFG,
            R,
            STREAM,
            "@Check void check(Config c) {}",
            "@Check void check2(Config c) {}",
            "}"));
    cases.add(
        c(
            Message.ORPHAN_METHOD,
            "@Stream method rows() is in T, which is neither",
            "@Stream",
            1,
            "public class T {",
            "public record R(long id) {}",
            "@Stream java.util.stream.Stream<R> rows() { return null; }",
            "}"));
    cases.add(
        c(
            Message.ORPHAN_METHOD,
            "@Check method check() is in T",
            "@Check",
            1,
            "public class T {",
            "@Check void check(Object o) {}",
            "}"));
    cases.add(
        c(
            Message.DISCOVER_WITHOUT_READ,
            "@Discover method tables() needs a @Read method",
            "@Discover",
            1,
            S,
            "public class T {",
            CFG,
            "@Discover",
            "List<DiscoveredStream> tables(Config c) { return null; }",
            "}"));
    cases.add(
        c(
            Message.READ_WITHOUT_DISCOVER,
            "@Read method read() needs a @Discover method",
            "@Read",
            1,
            S,
            "public class T {",
            CFG,
            "@Read",
            "java.util.stream.Stream<ObjectNode> read(Config c, StreamContext s) { return null; }",
            "}"));
    cases.add(
        c(
            Message.DISCOVER_SIGNATURE,
            "tables() returns List<String>",
            "List<String> tables",
            1,
            S,
            "public class T {",
            CFG,
            "@Discover List<String> tables(Config c) { return null; }",
            "@Read java.util.stream.Stream<ObjectNode> read(Config c, StreamContext s) { return null; }",
            "}"));
    cases.add(
        c(
            Message.READ_RECORD_TYPE,
            "read() produces String; discovered records must be ObjectNode",
            "Stream<String> read",
            1,
            S,
            "public class T {",
            CFG,
            "@Discover List<DiscoveredStream> tables(Config c) { return null; }",
            "@Read java.util.stream.Stream<String> read(Config c, StreamContext s) { return null; }",
            "}"));
    cases.add(
        c(
            Message.DUPLICATE_METHOD,
            "@Discover method more() is the second one in T (the first is tables())",
            "more(",
            1,
            S,
            "public class T {",
            CFG,
            "@Discover List<DiscoveredStream> tables(Config c) { return null; }",
            "@Discover List<DiscoveredStream> more(Config c) { return null; }",
            "@Read java.util.stream.Stream<ObjectNode> read(Config c, StreamContext s) { return null; }",
            "}"));
    // Destinations.
    cases.add(
        c(
            Message.NO_WRITER,
            "has no @Writer method",
            "@Destination",
            1,
            D,
            "public class T {",
            CFG,
            "@Check void check(Config c) {}",
            "}"));
    cases.add(
        c(
            Message.DUPLICATE_METHOD,
            "@Writer method open2() is the second one in T",
            "open2",
            1,
            D,
            "public class T {",
            CFG,
            WRITER,
            "@Writer SyncWriter open2(Config c, WriteContext w) { return null; }",
            "}"));
    cases.add(
        c(
            Message.WRITER_SIGNATURE,
            "open() returns String",
            "String open",
            1,
            D,
            "public class T {",
            CFG,
            "@Writer String open(Config c) { return null; }",
            "}"));
    cases.add(
        c(
            Message.PARAMETER_TYPE,
            "parameter s of @Writer method open() has unsupported type StreamContext",
            "StreamContext s",
            1,
            D,
            "public class T {",
            CFG,
            "@Writer SyncWriter open(Config c,",
            "    StreamContext s) { return null; }",
            "}"));
    cases.add(
        c(
            Message.SOURCE_METHOD_ON_DESTINATION,
            "@Stream method rows() is in @Destination class T",
            "@Stream",
            1,
            D,
            "public class T {",
            CFG,
            R,
            WRITER,
            "@Stream",
            "java.util.stream.Stream<R> rows(Config c) { return null; }",
            "}"));
    cases.add(
        c(
            Message.WRITER_ON_SOURCE,
            "@Writer method open() is in @Source class T",
            "@Writer",
            1,
            S,
            "public class T {",
            CFG,
            R,
            STREAM,
            WRITER,
            "}"));
    cases.add(
        c(
            Message.NO_DESTINATION_SYNC_MODES,
            "@Destination syncModes of T is empty",
            "syncModes = {}",
            1,
            "@Destination(name = \"t\", version = \"1.0.0\",",
            "    syncModes = {})",
            "public class T {",
            CFG,
            WRITER,
            "}"));
    cases.addAll(hardeningCases());
    return cases;
  }

  private static final String LONG_NAME = "a".repeat(250);

  /** Misuses that used to surface as errors in generated code or as C8K-001 (issue 13). */
  static List<Case> hardeningCases() {
    List<Case> cases = new ArrayList<>();
    // Types the generated code must name but cannot access.
    cases.add(
        c(
            Message.INACCESSIBLE_TYPE,
            "test.T.R, the record type of stream rows, is private, so the code "
                + "c8kit generates in package test cannot use it; declare R public",
            "@Stream java.util",
            1,
            S,
            "public class T {",
            CFG,
            "private record R(long id) {}",
            STREAM,
            "}"));
    cases.add(
        c(
            Message.INACCESSIBLE_TYPE,
            "test.T.Holder.R, the record type of stream rows, is nested in private "
                + "class Holder",
            "Stream<Holder.R>",
            1,
            S,
            "public class T {",
            CFG,
            "private static class Holder {",
            "public record R(long id) {}",
            "}",
            "@Stream java.util.stream.Stream<Holder.R> rows(Config c) { return null; }",
            "}"));
    cases.add(
        c(
            Message.INACCESSIBLE_TYPE,
            "test.T.Inner, the type of component R.inner, is private",
            "Inner inner",
            1,
            S,
            "public class T {",
            CFG,
            "private record Inner(int x) {}",
            "public record R(long id,",
            "    Inner inner) {}",
            STREAM,
            "}"));
    cases.add(
        c(
            Message.INACCESSIBLE_TYPE,
            "test.T.Color, the type of component R.color, is private",
            "Color color",
            1,
            S,
            "public class T {",
            CFG,
            "private enum Color { RED }",
            "public record R(long id,",
            "    Color color) {}",
            STREAM,
            "}"));
    cases.add(
        c(
            Message.INACCESSIBLE_TYPE,
            "test.T.Config, the config record, is private",
            "rows(Config c)",
            1,
            S,
            "public class T {",
            "private record Config(int n) {}",
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.INACCESSIBLE_TYPE,
            "test.T.Tunnel, the type of config property Config.tunnel, is private",
            "Tunnel tunnel",
            1,
            S,
            "public class T {",
            "private record Tunnel(String host) {}",
            "public record Config(int n,",
            "    Tunnel tunnel) {}",
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.INACCESSIBLE_TYPE,
            "test.T.Region, the type of config property Config.region, is private",
            "Region region",
            1,
            S,
            "public class T {",
            "private enum Region { EU }",
            "public record Config(int n,",
            "    Region region) {}",
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.INACCESSIBLE_TYPE,
            "test.T.A, the option of @OneOf Auth, is private",
            "@Choice(\"a\")",
            1,
            S,
            "public class T {",
            "@OneOf(discriminator = \"type\")",
            "public sealed interface Auth permits A {}",
            "@Choice(\"a\")",
            "private record A(String user) implements Auth {}",
            "public record Config(Auth auth) {}",
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.INACCESSIBLE_TYPE,
            "test.T.Auth, the type of config property Config.auth, is private",
            "Auth auth",
            1,
            S,
            "public class T {",
            "@OneOf(discriminator = \"type\")",
            "private sealed interface Auth permits A {}",
            "@Choice(\"a\") public record A(String user) implements Auth {}",
            "public record Config(int n,",
            "    Auth auth) {}",
            R,
            STREAM,
            "}"));
    // javac rejects an inaccessible class literal itself; the processor adds the hint, only once.
    cases.add(
        c(
            Message.UNRESOLVED_TYPE,
            "a class listed in configErrors, used by T, is unknown or inaccessible",
            "configErrors",
            2,
            "@Source(name = \"t\", version = \"1.0.0\",",
            "    configErrors = T.Bad.class)",
            "public class T {",
            "private static class Bad extends RuntimeException {}",
            CFG,
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.UNRESOLVED_TYPE,
            "a class listed in transientErrors, used by T, is unknown",
            "transientErrors",
            2,
            "@Destination(name = \"t\", version = \"1.0.0\",",
            "    transientErrors = T.Hidden.Retry.class)",
            "public class T {",
            "private static class Hidden {",
            "public static class Retry extends Exception {}",
            "}",
            CFG,
            WRITER,
            "}"));
    // Names of generated types already taken.
    cases.add(
        c(
            Message.GENERATED_NAME_CLASH,
            "c8kit generates class test.TConnector for test.T, but a class of that "
                + "name already exists",
            "@Source",
            1,
            S,
            "public class T {",
            CFG,
            R,
            STREAM,
            "}",
            "class TConnector {}"));
    cases.add(
        c(
            Message.GENERATED_NAME_CLASH,
            "c8kit generates the airbyte target's class test.TMain for test.T",
            "@Source",
            1,
            S,
            "public class T {",
            CFG,
            R,
            STREAM,
            "}",
            "class TMain {}"));
    cases.add(
        c(
            Message.GENERATED_NAME_CLASH,
            "c8kit generates class test.T_ConfigBinder for test.T",
            "@Destination",
            1,
            D,
            "public class T {",
            CFG,
            WRITER,
            "}",
            "class T_ConfigBinder {}"));
    cases.add(
        c(
            Message.GENERATED_NAME_CLASH,
            "c8kit generates class test.T_RSerializer for test.T",
            "@Source",
            1,
            S,
            "public class T {",
            CFG,
            R,
            STREAM,
            "}",
            "interface T_RSerializer {}"));
    cases.add(
        c(
            Message.GENERATED_NAME_CLASH,
            "c8kit generates the schema streams/Users.json for stream Users, but "
                + "stream users of method users() has streams/users.json, the same file on case-insensitive file systems",
            "name = \"Users\"",
            1,
            S,
            "public class T {",
            CFG,
            R,
            "@Stream java.util.stream.Stream<R> users(Config c) { return null; }",
            "@Stream(",
            "    name = \"Users\")",
            "java.util.stream.Stream<R> others(Config c) { return null; }",
            "}"));
    // Constructs that would make generated code fail.
    cases.add(
        c(
            Message.CONSTRUCTOR_THROWS_CHECKED,
            "constructor of @Source class T declares checked exception " + "IOException",
            "public T() throws",
            1,
            S,
            "public class T {",
            "public T() throws java.io.IOException {}",
            CFG,
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.RETURN_TYPE_AMBIGUOUS,
            "rows() returns T.Both, which is Iterator and Iterable at once",
            "@Stream Both",
            1,
            S,
            "public class T {",
            CFG,
            R,
            "public interface Both extends Iterator<R>, Iterable<R> {}",
            "@Stream Both rows(Config c) { return null; }",
            "}"));
    cases.add(
        c(
            Message.RETURN_TYPE_AMBIGUOUS,
            "rows() returns T.Rows, which is Stream and Iterable at once",
            "@Stream Rows",
            1,
            S,
            "public class T {",
            CFG,
            R,
            "public interface Rows extends java.util.stream.Stream<R>, Iterable<R> {}",
            "@Stream Rows rows(Config c) { return null; }",
            "}"));
    cases.add(
        c(
            Message.RETURN_TYPE_AMBIGUOUS,
            "@Read method read() returns T.Both, which is Iterator and Iterable",
            "@Read Both",
            1,
            S,
            "public class T {",
            CFG,
            "public interface Both extends Iterator<ObjectNode>, Iterable<ObjectNode> {}",
            "@Discover List<DiscoveredStream> tables(Config c) { return null; }",
            "@Read Both read(Config c, StreamContext s) { return null; }",
            "}"));
    cases.add(
        c(
            Message.METHOD_THROWS_THROWABLE,
            "@Stream method rows() declares 'throws Throwable'",
            "throws Throwable",
            1,
            S,
            "public class T {",
            CFG,
            R,
            "@Stream java.util.stream.Stream<R> rows(Config c) throws Throwable { return null; }",
            "}"));
    cases.add(
        c(
            Message.METHOD_THROWS_THROWABLE,
            "@Check method check() declares 'throws Throwable'",
            "throws Throwable",
            1,
            S,
            "public class T {",
            CFG,
            R,
            STREAM,
            "@Check void check(Config c) throws Throwable {}",
            "}"));
    // Values the processor did not expect.
    cases.add(
        c(
            Message.BOUND_NOT_FINITE,
            "maximum of property n is +infinity",
            "POSITIVE_INFINITY",
            1,
            S,
            "public class T {",
            "public record Config(",
            "    @Property(maximum = Double.POSITIVE_INFINITY) int n) {}",
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.BOUND_NOT_FINITE,
            "minimum of property x is -infinity",
            "-1.0 / 0",
            1,
            S,
            "public class T {",
            "public record Config(",
            "    @Property(minimum = -1.0 / 0) double x) {}",
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.DEFAULT_UNPARSEABLE,
            "more than 1000 digits",
            "1e999999999",
            1,
            S,
            "public class T {",
            "public record Config(",
            "    @DefaultValue(\"1e999999999\") BigDecimal budget) {}",
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.NAME_TOO_LONG,
            "connector name \""
                + LONG_NAME
                + "\" makes the generated file name "
                + "META-INF/c8kit/source-"
                + LONG_NAME
                + " 257 bytes long, over the 255 bytes",
            "name = \"aaa",
            1,
            "@Source(",
            "    name = \"" + LONG_NAME + "\",",
            "    version = \"1.0.0\")",
            "public class T {",
            CFG,
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.NAME_TOO_LONG,
            "stream name \""
                + LONG_NAME
                + "aa\" makes the generated file name streams/"
                + LONG_NAME
                + "aa.json 257 bytes long",
            "name = \"aaa",
            1,
            S,
            "public class T {",
            CFG,
            R,
            "@Stream(",
            "    name = \"" + LONG_NAME + "aa\")",
            "java.util.stream.Stream<R> rows(Config c) { return null; }",
            "}"));
    cases.add(
        c(
            Message.NAME_TOO_LONG,
            "the name of record "
                + "R".repeat(240)
                + " makes the generated file name "
                + "test.T_"
                + "R".repeat(240),
            "public record RRR",
            1,
            S,
            "public class T {",
            CFG,
            "public record " + "R".repeat(240) + "(long id) {}",
            "@Stream java.util.stream.Stream<"
                + "R".repeat(240)
                + "> rows(Config c) { return null; }",
            "}"));
    // Enum constants whose JSON names collide.
    cases.add(
        c(
            Message.DUPLICATE_ENUM_NAME,
            "JSON name \"x\" of constant B of enum E is already the JSON name of " + "constant A",
            "@Field(name = \"x\") B",
            1,
            S,
            "public class T {",
            "public enum E { @Field(name = \"x\") A,",
            "    @Field(name = \"x\") B }",
            "public record Config(E e) {}",
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.DUPLICATE_ENUM_NAME,
            "JSON name \"B\" of constant B of enum E is already the JSON name of " + "constant A",
            "    B }",
            1,
            S,
            "public class T {",
            "public enum E { @Field(name = \"B\") A,",
            "    B }",
            "public record Config(E e) {}",
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.DUPLICATE_ENUM_NAME,
            "JSON name \"low\" of constant LOWER of enum Level",
            "LOWER",
            1,
            S,
            "public class T {",
            CFG,
            "public enum Level { @Field(name = \"low\") LOW,",
            "    @Field(name = \"low\") LOWER }",
            "public record R(long id, Level a, Level b) {}",
            STREAM,
            "}"));
    // Defaults and examples contradicting the property's own constraints.
    cases.add(
        c(
            Message.VALUE_VIOLATES_CONSTRAINT,
            "of property tags lists \"a\" twice, but a Set property's items "
                + "are unique (uniqueItems)",
            "Set<String> tags",
            1,
            S,
            "public class T {",
            "public record Config(",
            "    @DefaultValue(\"[\\\"a\\\", \\\"a\\\"]\") Set<String> tags) {}",
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.VALUE_VIOLATES_CONSTRAINT,
            "of property ids lists 1 twice",
            "Set<Long> ids",
            1,
            S,
            "public class T {",
            "public record Config(",
            "    @DefaultValue(\"[1, 2, 1]\") Set<Long> ids) {}",
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.VALUE_VIOLATES_CONSTRAINT,
            "of property modes lists \"x\" twice",
            "Set<E> modes",
            1,
            S,
            "public class T {",
            "public enum E { @Field(name = \"x\") A }",
            "public record Config(",
            "    @DefaultValue(\"[\\\"A\\\", \\\"x\\\"]\") Set<E> modes) {}",
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.VALUE_VIOLATES_CONSTRAINT,
            "@DefaultValue(\"ABC\") of property s does not match its pattern " + "\"^[a-z]+$\"",
            "@DefaultValue(\"ABC\")",
            1,
            S,
            "public class T {",
            "public record Config(@Property(pattern = \"^[a-z]+$\")",
            "    @DefaultValue(\"ABC\") String s) {}",
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.VALUE_VIOLATES_CONSTRAINT,
            "example \"0\" of property n is outside [1, +inf]",
            "examples",
            1,
            S,
            "public class T {",
            "public record Config(",
            "    @Property(minimum = 1, examples = \"0\") int n) {}",
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.VALUE_VIOLATES_CONSTRAINT,
            "example \"b\" of property s does not match its pattern",
            "examples",
            1,
            S,
            "public class T {",
            "public record Config(int n,",
            "    @Property(pattern = \"^a\", examples = \"b\") String s) {}",
            R,
            STREAM,
            "}"));
    // Bounds that no value of the property's Java type can meet.
    cases.add(
        c(
            Message.VALUE_VIOLATES_CONSTRAINT,
            "minimum 3000000000 of property n is above the largest int " + "(2147483647)",
            "minimum = 3e9",
            1,
            S,
            "public class T {",
            "public record Config(",
            "    @Property(minimum = 3e9) int n) {}",
            R,
            STREAM,
            "}"));
    cases.add(
        c(
            Message.VALUE_VIOLATES_CONSTRAINT,
            "maximum -200 of property b is below the smallest byte (-128)",
            "maximum = -200",
            1,
            S,
            "public class T {",
            "public record Config(",
            "    @Property(maximum = -200) Byte b) {}",
            R,
            STREAM,
            "}"));
    // Streams of schemaless data get the advice to use @Discover/@Read.
    cases.add(
        c(
            Message.STREAM_OF_LIBRARY_TYPE,
            "rows() produces Map<String,Object>, which is not a record with fixed " + "fields",
            "Stream<Map",
            1,
            S,
            "public class T {",
            CFG,
            "@Stream java.util.stream.Stream<Map<String, Object>> rows(Config c) { return null; }",
            "}"));
    cases.add(
        c(
            Message.STREAM_OF_LIBRARY_TYPE,
            "for schemaless data use a @Discover/@Read pair",
            "List<Map",
            1,
            S,
            "public class T {",
            CFG,
            "@Stream List<Map<String, Object>> rows(Config c) { return null; }",
            "}"));
    cases.add(
        c(
            Message.STREAM_OF_LIBRARY_TYPE,
            "rows() produces ObjectNode",
            "Emitter<ObjectNode>",
            1,
            S,
            "public class T {",
            CFG,
            "@Stream void rows(Config c, Emitter<ObjectNode> out) {}",
            "}"));
    cases.add(
        c(
            Message.STREAM_OF_LIBRARY_TYPE,
            "rows() produces String, which is not a record",
            "Stream<String>",
            1,
            S,
            "public class T {",
            CFG,
            "@Stream java.util.stream.Stream<String> rows(Config c) { return null; }",
            "}"));
    // Secret-looking names, matched by words.
    for (List<String> name :
        List.of(
            List.of("apiKey", "api_key"),
            List.of("dbPassword", "db_password"),
            List.of("clientSecret", "client_secret"),
            List.of("accessToken", "access_token"),
            List.of("privateKey", "private_key"),
            List.of("sshPassphrase", "ssh_passphrase"))) {
      cases.add(
          c(
              Message.SECRET_NOT_MARKED,
              "property \"" + name.get(1) + "\" looks like a secret",
              " " + name.get(0) + ")",
              1,
              S,
              "public class T {",
              "public record Config(int n,",
              "    String " + name.get(0) + ") {}",
              R,
              STREAM,
              "}"));
    }
    cases.addAll(HttpDiagnosticCases.cases());
    return cases;
  }

  static Stream<Case> allCases() {
    return cases().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allCases")
  void reportsDiagnostic(Case c) {
    JavaFileObject file = JavaFileObjects.forSourceString("test.T", IMPORTS + c.body() + "\n");
    Compilation compilation = Compilations.compile(file);
    assertThat(compilation)
        .hadErrorContaining(c.fragment())
        .inFile(file)
        .onLineContaining(c.onLine());
    assertThat(compilation).hadErrorContaining("[" + c.message().id() + "]");
    assertThat(compilation).hadErrorCount(c.errors());
  }

  /** Every message of the catalog that can be provoked by source has a case above. */
  @Test
  void everyMessageIsCovered() {
    Set<Message> covered = EnumSet.noneOf(Message.class);
    cases().forEach(c -> covered.add(c.message()));
    // Tested elsewhere: BAD_OPTION (OptionsTest), DUPLICATE_DOCKER_CONTEXT (a warning, in this
    // class),
    // INTERNAL_ERROR (FilerTest), DUPLICATE_CONNECTOR_NAME (two files, HardeningTest),
    // TARGET_NOT_LOADED and
    // TARGET_FAILED (a test target on the processor path, TargetSpiTest), HTTP_TOOLKIT_MISSING
    // (another class
    // path, HttpSourceTest).
    covered.addAll(
        EnumSet.of(
            Message.BAD_OPTION,
            Message.DUPLICATE_DOCKER_CONTEXT,
            Message.INTERNAL_ERROR,
            Message.DUPLICATE_CONNECTOR_NAME,
            Message.TARGET_NOT_LOADED,
            Message.TARGET_FAILED,
            Message.HTTP_TOOLKIT_MISSING));
    Set<Message> missing = EnumSet.complementOf(EnumSet.copyOf(covered));
    com.google.common.truth.Truth.assertThat(missing).isEmpty();
  }

  /** The README's DSL reference documents every id with its current text. */
  @Test
  void catalogIsDocumented() throws java.io.IOException {
    java.nio.file.Path doc =
        java.nio.file.Paths.get(System.getProperty("basedir", ".")).resolve("../README.md");
    com.google.common.truth.Truth.assertWithMessage("README.md next to processor/")
        .that(java.nio.file.Files.exists(doc))
        .isTrue();
    String text = java.nio.file.Files.readString(doc);
    for (Message m : Message.values()) {
      com.google.common.truth.Truth.assertWithMessage(m.name())
          .that(text)
          .contains(
              "| `"
                  + m.id()
                  + "` | `"
                  + m.name()
                  + "` | "
                  + m.template().replace("|", "\\|")
                  + " |");
    }
  }

  @Test
  void secondConnectorOfACompilationGetsNoDockerContext() {
    JavaFileObject a =
        JavaFileObjects.forSourceString(
            "test.A",
            IMPORTS
                + "@Source(name = \"a\", version = \"1.0.0\") public class A {"
                + CFG
                + R
                + STREAM
                + "}\n");
    JavaFileObject b =
        JavaFileObjects.forSourceString(
            "test.B",
            IMPORTS
                + "@Source(name = \"b\", version = \"1.0.0\")\npublic class B {"
                + CFG
                + R
                + STREAM
                + "}\n");
    Compilation compilation = Compilations.compile(b, a);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining("[C8K-016] connector test.B is the second connector")
        .inFile(b)
        .onLineContaining("public class B");
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .generatedFile(
            javax.tools.StandardLocation.CLASS_OUTPUT, "META-INF/c8kit/docker/Dockerfile")
        .contentsAsUtf8String()
        .contains("source-a");
    assertThat(compilation)
        .generatedFile(
            javax.tools.StandardLocation.CLASS_OUTPUT, "META-INF/services/io.c8kit.C8Connector")
        .contentsAsUtf8String()
        .isEqualTo("test.AC8Connector\ntest.BC8Connector\n");
    assertThat(compilation)
        .generatedFile(
            javax.tools.StandardLocation.CLASS_OUTPUT,
            "META-INF/services/io.c8kit.runtime.Connector")
        .contentsAsUtf8String()
        .isEqualTo("test.AConnector\ntest.BConnector\n");
    // the launcher's index: the connector with the Docker context is the jar's default command
    assertThat(compilation)
        .generatedFile(javax.tools.StandardLocation.CLASS_OUTPUT, "META-INF/c8kit/airbyte/mains")
        .contentsAsUtf8String()
        .isEqualTo("test.AMain test.AConnector\ntest.BMain test.BConnector\n");
  }

  /** All errors of a class are reported, not just the first. */
  @Test
  void reportsEveryErrorOfAClass() {
    JavaFileObject file =
        JavaFileObjects.forSourceString(
            "test.T",
            IMPORTS
                + String.join(
                    "\n",
                    "@Source(name = \"Bad\", version = \"x\")",
                    "public class T {",
                    "public record Config(String password, @Property(minimum = 2, maximum = 1) int n) {}",
                    R,
                    "@Stream(primaryKey = \"nope\") java.util.stream.Stream<R> rows(Config c) { return null; }",
                    "}"));
    Compilation compilation = Compilations.compile(file);
    assertThat(compilation).hadErrorContaining("[C8K-010]");
    assertThat(compilation).hadErrorContaining("[C8K-011]");
    assertThat(compilation).hadErrorContaining("[C8K-028]");
    assertThat(compilation).hadErrorContaining("[C8K-058]");
    assertThat(compilation).hadErrorContaining("[C8K-060]");
    assertThat(compilation).hadErrorCount(5);
  }
}
