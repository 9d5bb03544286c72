package io.c8kit.processor;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;

/** Loads the classes of one compilation, to run what the processor generated. */
final class GeneratedClasses extends ClassLoader {
  private final Map<String, JavaFileObject> classes = new HashMap<>();

  GeneratedClasses(Compilation c) {
    super(GeneratedClasses.class.getClassLoader());
    for (JavaFileObject f : c.generatedFiles()) {
      String path = f.toUri().getPath();
      if (f.getKind() == JavaFileObject.Kind.CLASS && path.contains("/CLASS_OUTPUT/")) {
        String name =
            path.substring(
                    path.indexOf("/CLASS_OUTPUT/") + "/CLASS_OUTPUT/".length(),
                    path.length() - ".class".length())
                .replace('/', '.');
        classes.put(name, f);
      }
    }
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    JavaFileObject f = classes.get(name);
    if (f == null) {
      throw new ClassNotFoundException(name);
    }
    try (InputStream in = f.openInputStream()) {
      byte[] bytes = in.readAllBytes();
      return defineClass(name, bytes, 0, bytes.length);
    } catch (IOException e) {
      throw new ClassNotFoundException(name, e);
    }
  }
}
