package io.c8kit.processor.writing;

import io.c8kit.processor.model.ConnectorModel;
import java.io.IOException;
import javax.annotation.processing.Filer;

/** One output of the processor for one connector model. */
interface Generator {
  void generate(ConnectorModel model, Filer filer) throws IOException;
}
