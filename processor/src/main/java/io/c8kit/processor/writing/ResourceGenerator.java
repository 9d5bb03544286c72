package io.c8kit.processor.writing;

import io.c8kit.processor.model.ConnectorModel;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Base of the text-resource generators: writes each file to CLASS_OUTPUT as UTF-8 with the
 * connector class as originating element (needed for incremental builds).
 */
abstract class ResourceGenerator implements Generator {
  /** Resource path (no leading slash) to content, in a deterministic order. */
  abstract Map<String, String> resources(ConnectorModel model);

  @Override
  public final void generate(ConnectorModel model, Filer filer) throws IOException {
    for (Map.Entry<String, String> e : resources(model).entrySet()) {
      FileObject file =
          filer.createResource(StandardLocation.CLASS_OUTPUT, "", e.getKey(), model.origin());
      try (Writer w =
          new java.io.OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
        w.write(e.getValue());
      }
    }
  }
}
