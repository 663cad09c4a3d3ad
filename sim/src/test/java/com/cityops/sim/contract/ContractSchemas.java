package com.cityops.sim.contract;

import com.cityops.api.StreamEventType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates JSON against the schemas of {@code docs/api/openapi.yaml} (JSON Schema 2020-12), and
 * stream messages against the AsyncAPI document's message for their type. Offline; thread-safe.
 */
public final class ContractSchemas {
  private static final YAMLMapper YAML = new YAMLMapper();

  private final JsonNode components;
  private final JsonNode paths;
  private final JsonNode asyncMessages;
  private final JsonSchemaFactory factory =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private final SchemaValidatorsConfig config =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
  private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

  public ContractSchemas() {
    Path docs = docs();
    try {
      ObjectNode openapi = (ObjectNode) YAML.readTree(docs.resolve("openapi.yaml").toFile());
      this.components = openapi.get("components");
      this.paths = openapi.get("paths");
      this.asyncMessages =
          YAML.readTree(docs.resolve("asyncapi.yaml").toFile()).at("/components/messages");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the contract documents in " + docs, e);
    }
  }

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

  /** Errors of {@code json} against the named component schema; empty when valid. */
  public List<String> validate(String schemaName, JsonNode json) {
    if (!components.at("/schemas").has(schemaName)) {
      return List.of("the OpenAPI document has no schema '" + schemaName + "'");
    }
    JsonSchema schema =
        compiled.computeIfAbsent(
            schemaName,
            name -> {
              ObjectNode root = YAML.createObjectNode();
              root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
              root.put("$ref", "#/components/schemas/" + name);
              root.putObject("components").set("schemas", components.get("schemas"));
              return factory.getSchema(root, config);
            });
    List<String> errors = new ArrayList<>();
    for (ValidationMessage message : schema.validate(json)) {
      errors.add(schemaName + ": " + message.getMessage());
    }
    return errors;
  }

  /**
   * Errors of {@code json} against the schema the document gives a GET's response, for answers
   * described inline under {@code paths} rather than by a component (e.g. {@code /tiles}, whose
   * documents are not api records); a {@code $ref} to a shared response is followed. Empty when
   * valid.
   */
  public List<String> validateResponse(String path, int status, JsonNode json) {
    JsonNode response =
        paths.path(path).path("get").path("responses").path(Integer.toString(status));
    if (response.has("$ref")) {
      response = components.at(response.get("$ref").asText().substring("#/components".length()));
    }
    var media = response.path("content").elements(); // the first media type's schema
    JsonNode schema = media.hasNext() ? media.next().get("schema") : null;
    if (schema == null) {
      return List.of("the OpenAPI document has no JSON schema for GET " + path + " → " + status);
    }
    ObjectNode root = schema.deepCopy();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.putObject("components").set("schemas", components.get("schemas"));
    List<String> errors = new ArrayList<>();
    for (ValidationMessage message : factory.getSchema(root, config).validate(json)) {
      errors.add("GET " + path + " " + status + ": " + message.getMessage());
    }
    return errors;
  }

  /**
   * Validates a stream envelope: the type must be one of the AsyncAPI messages, and the payload
   * must match the schema that message names.
   */
  public List<String> validateStreamMessage(JsonNode envelope) {
    String type = envelope.path("type").asText();
    for (JsonNode message : asyncMessages) {
      if (type.equals(message.at("/payload/properties/type/const").asText())) {
        List<String> errors = new ArrayList<>();
        for (String field : List.of("seq", "ts", "type", "payload")) {
          if (!envelope.has(field)) {
            errors.add(type + ": envelope without '" + field + "'");
          }
        }
        String ref = message.at("/payload/properties/payload/$ref").asText();
        errors.addAll(validate(ref.substring(ref.lastIndexOf('/') + 1), envelope.path("payload")));
        return errors;
      }
    }
    return List.of("stream message type '" + type + "' is not in the AsyncAPI document");
  }

  /** The schema name the contract gives each stream type's payload. */
  public static String payloadSchema(StreamEventType type) {
    return type.payloadType().getSimpleName();
  }
}
