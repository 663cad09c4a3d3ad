package com.cityops.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document's schemas are derived from the records (one source): this test fails when
 * {@code docs/api/openapi.yaml} no longer matches them. Regenerate with {@code mvn -pl api test
 * -Dtest=ContractDocumentTest -Dcontract.update=true}; paths and prose in the document are kept.
 */
class ContractDocumentTest {
  static final YAMLMapper YAML =
      new YAMLMapper(
          new YAMLFactory()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));

  static Path docs() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("docs/api"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("docs/api not found above " + Path.of("").toAbsolutePath());
    }
    return dir.resolve("docs/api");
  }

  static List<Class<?>> contractTypes() throws IOException {
    Path sources = docs().getParent().getParent().resolve("api/src/main/java/com/cityops/api");
    List<Class<?>> types = new ArrayList<>();
    try (Stream<Path> files = Files.list(sources)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString().replace(".java", "");
        try {
          Class<?> type = Class.forName("com.cityops.api." + name);
          if (type.isRecord() || type.isEnum()) {
            types.add(type);
          }
        } catch (ClassNotFoundException e) {
          throw new IllegalStateException("no class for " + file, e);
        }
      }
    }
    return types;
  }

  @Test
  void openApiSchemasMatchTheRecords() throws IOException {
    Path file = docs().resolve("openapi.yaml");
    ObjectNode document = (ObjectNode) YAML.readTree(file.toFile());
    Map<String, JsonNode> generated = RecordSchemas.of(contractTypes());
    ObjectNode schemas = YAML.createObjectNode();
    generated.forEach(schemas::set);
    if (Boolean.getBoolean("contract.update")) {
      ((ObjectNode) document.with("components")).set("schemas", schemas);
      YAML.writeValue(file.toFile(), document);
    }
    assertThat(document.at("/components/schemas"))
        .as(
            "docs/api/openapi.yaml components.schemas is out of date with the api records; regenerate with "
                + "mvn -pl api test -Dtest=ContractDocumentTest -Dcontract.update=true")
        .isEqualTo(schemas);
  }

  @Test
  void everyRecordAndEnumHasASchema() throws IOException {
    JsonNode schemas =
        YAML.readTree(docs().resolve("openapi.yaml").toFile()).at("/components/schemas");
    for (Class<?> type : contractTypes()) {
      assertThat(schemas.has(type.getSimpleName()))
          .as("schema for %s", type.getSimpleName())
          .isTrue();
    }
  }

  @Test
  void everyStreamTypeIsAMessageOfTheAsyncApiDocument() throws IOException {
    JsonNode messages =
        YAML.readTree(docs().resolve("asyncapi.yaml").toFile()).at("/components/messages");
    for (StreamEventType type : StreamEventType.values()) {
      JsonNode message = null;
      for (JsonNode m : messages) {
        if (type.wireName().equals(m.at("/payload/properties/type/const").asText())) {
          message = m;
        }
      }
      assertThat(message).as("AsyncAPI message for %s", type.wireName()).isNotNull();
      assertThat(message.at("/payload/properties/payload/$ref").asText())
          .endsWith("#/components/schemas/" + type.payloadType().getSimpleName());
    }
  }
}
