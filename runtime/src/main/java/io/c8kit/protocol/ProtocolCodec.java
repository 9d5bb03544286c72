package io.c8kit.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.TreeNode;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.core.type.ResolvedType;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Iterator;

/**
 * The codec of {@link Protocol#factory()}: a generator's {@code writeTree} and a parser's {@code
 * readValueAsTree} (a record's JSON field, a connector's tree) go through {@link JsonTrees} and do
 * not create the mapper; data binding is handed to {@link Protocol#mapper()}, created then.
 */
final class ProtocolCodec extends ObjectCodec {
  @Override
  public Version version() {
    return Protocol.mapper().version();
  }

  @Override
  public JsonFactory getFactory() {
    return Protocol.factory();
  }

  @Override
  @SuppressWarnings("deprecation")
  public JsonFactory getJsonFactory() {
    return Protocol.factory();
  }

  @Override
  public <T> T readValue(JsonParser p, Class<T> valueType) throws IOException {
    return Protocol.mapper().readValue(p, valueType);
  }

  @Override
  public <T> T readValue(JsonParser p, TypeReference<T> valueTypeRef) throws IOException {
    return Protocol.mapper().readValue(p, valueTypeRef);
  }

  @Override
  public <T> T readValue(JsonParser p, ResolvedType valueType) throws IOException {
    return Protocol.mapper().readValue(p, valueType);
  }

  @Override
  public <T> Iterator<T> readValues(JsonParser p, Class<T> valueType) throws IOException {
    return Protocol.mapper().readValues(p, valueType);
  }

  @Override
  public <T> Iterator<T> readValues(JsonParser p, TypeReference<T> valueTypeRef)
      throws IOException {
    return Protocol.mapper().readValues(p, valueTypeRef);
  }

  @Override
  public <T> Iterator<T> readValues(JsonParser p, ResolvedType valueType) throws IOException {
    return Protocol.mapper().readValues(p, valueType);
  }

  @Override
  public void writeValue(JsonGenerator g, Object value) throws IOException {
    if (value instanceof JsonNode node) {
      JsonTrees.write(g, node);
    } else {
      Protocol.mapper().writeValue(g, value);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T extends TreeNode> T readTree(JsonParser p) throws IOException {
    return (T) JsonTrees.read(p);
  }

  @Override
  public void writeTree(JsonGenerator g, TreeNode tree) throws IOException {
    if (tree instanceof JsonNode node) {
      JsonTrees.write(g, node);
    } else {
      Protocol.mapper().writeTree(g, tree);
    }
  }

  @Override
  public TreeNode createObjectNode() {
    return JsonTrees.NODES.objectNode();
  }

  @Override
  public TreeNode createArrayNode() {
    return JsonTrees.NODES.arrayNode();
  }

  @Override
  public JsonParser treeAsTokens(TreeNode n) {
    return Protocol.mapper().treeAsTokens(n);
  }

  @Override
  public <T> T treeToValue(TreeNode n, Class<T> valueType) throws JsonProcessingException {
    return Protocol.mapper().treeToValue(n, valueType);
  }
}
