package io.c8kit.processor.testtarget;

import com.squareup.javapoet.ClassName;
import io.c8kit.processor.model.ConnectorModel;
import io.c8kit.processor.model.StreamModel;
import io.c8kit.processor.spi.TargetContext;
import io.c8kit.processor.spi.TargetGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A target written only against the processor's SPI (and its model), to prove that a new target
 * needs no change in the core: per connector a {@code <Name>Listing} class whose {@code describe()}
 * names the connector and its streams, and one aggregate list of the compilation's connectors.
 */
public final class ListingTarget implements TargetGenerator {
  static final String AGGREGATE = "META-INF/c8kit-listing/connectors.txt";

  @Override
  public String name() {
    return "listing";
  }

  @Override
  public Set<String> options() {
    return Set.of("title", "fail");
  }

  /**
   * {@code -Ac8kit.listing.fail=naming} fails here, any other {@code fail} in {@link #generate}.
   */
  @Override
  public List<ClassName> generatedClasses(ConnectorModel model, TargetContext context) {
    if ("naming".equals(context.options().get("fail"))) {
      throw new IllegalStateException("the listing target was asked to fail naming its classes");
    }
    return List.of(listingClass(model));
  }

  private static ClassName listingClass(ConnectorModel model) {
    return ClassName.get(model.annotatedClass().packageName(), model.baseName() + "Listing");
  }

  @Override
  public void generate(ConnectorModel model, TargetContext context) throws IOException {
    if (context.options().containsKey("fail")) {
      throw new IllegalStateException("the listing target was asked to fail");
    }
    String title = context.options().getOrDefault("title", "Connectors");
    String streams =
        model.streams().stream().map(StreamModel::name).collect(Collectors.joining(", "));
    String text = title + ": " + model.kind().word() + " " + model.name() + " (" + streams + ")";
    String pkg = listingClass(model).packageName();
    String simple = listingClass(model).simpleName();
    context.writeSource(
        pkg + "." + simple,
        "package "
            + pkg
            + ";\n\n"
            + "public final class "
            + simple
            + " {\n"
            + "  private "
            + simple
            + "() {}\n\n"
            + "  public static String describe() {\n"
            + "    return \""
            + text.replace("\\", "\\\\").replace("\"", "\\\"")
            + "\";\n"
            + "  }\n"
            + "}\n",
        List.of(model));
  }

  @Override
  public boolean aggregating() {
    return true;
  }

  @Override
  public void finish(List<ConnectorModel> models, TargetContext context) throws IOException {
    StringBuilder out = new StringBuilder();
    for (ConnectorModel m : models) {
      out.append(m.kind().word())
          .append(' ')
          .append(m.name())
          .append(' ')
          .append(m.connectorClass().canonicalName())
          .append('\n');
    }
    context.writeResource(AGGREGATE, out.toString(), models);
  }
}
