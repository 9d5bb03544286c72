package io.c8kit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.google.testing.compile.Compilation;
import io.c8kit.runtime.RecordSerializer;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Constructor;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A generated serializer writes nested records inline (one method per stream record, for the JIT)
 * down to a depth, then calls the nested record's serializer: the JSON is the same either way,
 * nulls, optionals and lists of nested records included.
 */
class NestedSerializerTest {
  private static ClassLoader loader;
  private static RecordSerializer<Object> serializer;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void compile() throws Exception {
    Compilation c = Compilations.compile(Compilations.resource("good/nested/NestedSource.java"));
    assertThat(c).succeededWithoutWarnings();
    loader = new GeneratedClasses(c);
    Constructor<?> constructor =
        loader.loadClass("com.example.nested.NestedSource_TopSerializer").getDeclaredConstructor();
    constructor.setAccessible(true); // package-private, as generated
    serializer = (RecordSerializer<Object>) constructor.newInstance();
  }

  private static Object make(String type, Object... components) throws Exception {
    Class<?> c = loader.loadClass("com.example.nested.NestedSource$" + type);
    return c.getDeclaredConstructors()[0].newInstance(components);
  }

  private static Object chain(String prefix) throws Exception {
    return make(
        "L1",
        prefix + 1,
        make(
            "L2",
            prefix + 2,
            make("L3", prefix + 3, make("L4", prefix + 4, make("L5", prefix + 5)))));
  }

  private static String write(Object record) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      serializer.write(record, g);
    }
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void writesEveryLevelOfANestedRecord() throws Exception {
    Object top =
        make(
            "Top",
            7L,
            chain("a"),
            Optional.of(chain("b")),
            List.of(make("L2", "c", null)),
            make("L5", "leaf"));
    assertEquals(
        "{\"id\":7,"
            + "\"next\":{\"v\":\"a1\",\"next\":{\"v\":\"a2\",\"next\":{\"v\":\"a3\",\"next\":"
            + "{\"v\":\"a4\",\"next\":{\"v\":\"a5\"}}}}},"
            + "\"maybe\":{\"v\":\"b1\",\"next\":{\"v\":\"b2\",\"next\":{\"v\":\"b3\",\"next\":"
            + "{\"v\":\"b4\",\"next\":{\"v\":\"b5\"}}}}},"
            + "\"many\":[{\"v\":\"c\",\"next\":null}],"
            + "\"leaf\":{\"v\":\"leaf\"}}",
        write(top));
  }

  @Test
  void writesNullAtAnyLevel() throws Exception {
    Object top =
        make(
            "Top",
            1L,
            make("L1", "x", make("L2", null, make("L3", "z", null))),
            Optional.empty(),
            List.of(),
            null);
    assertEquals(
        "{\"id\":1,"
            + "\"next\":{\"v\":\"x\",\"next\":{\"v\":null,\"next\":{\"v\":\"z\",\"next\":null}}},"
            + "\"maybe\":null,\"many\":[],\"leaf\":null}",
        write(top));
  }
}
