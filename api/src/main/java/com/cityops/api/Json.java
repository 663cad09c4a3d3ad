package com.cityops.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * The one JSON mapping of the contract, used by server and client alike: ISO-8601 instants, enums
 * as lower-case names (read case-insensitively), nulls left out, unknown fields ignored so an older
 * client reads a newer server. Thread-safe.
 */
public final class Json {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .configure(EnumFeature.WRITE_ENUMS_TO_LOWERCASE, true)
          .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .build();

  static {
    MAPPER
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(200)
                .maxStringLength(4_000_000)
                .build());
  }

  private Json() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }

  /**
   * Reads a JSON tree, rejecting empty or blank input (Jackson itself answers a MissingNode there).
   *
   * @throws MalformedJsonException with the parser's message and location
   */
  public static JsonNode readTree(String text) {
    if (text == null || text.isBlank()) {
      throw new MalformedJsonException("empty body: expected a JSON document");
    }
    try {
      JsonNode node = MAPPER.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw new MalformedJsonException("empty body: expected a JSON document");
      }
      return node;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new MalformedJsonException(e.getOriginalMessage() + locationOf(e), e);
    }
  }

  private static String locationOf(com.fasterxml.jackson.core.JsonProcessingException e) {
    var loc = e.getLocation();
    return loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
  }

  /**
   * Reads a value of the given type, never null; any syntax or mapping error (and a body that is
   * JSON {@code null}) becomes a MalformedJsonException.
   */
  public static <T> T read(String text, Class<T> type) {
    return read(text, MAPPER.constructType(type));
  }

  /** Reads a list answer ({@code GET /layers} and the like) with items of {@code itemType}. */
  public static <T> ItemList<T> readList(String text, Class<T> itemType) {
    return read(text, MAPPER.getTypeFactory().constructParametricType(ItemList.class, itemType));
  }

  private static <T> T read(String text, com.fasterxml.jackson.databind.JavaType type) {
    JsonNode tree = readTree(text);
    if (tree.isNull()) { // Jackson binds a JSON null to a null value, which no caller expects
      throw new MalformedJsonException(
          "not a valid " + type.getRawClass().getSimpleName() + ": the body is JSON null");
    }
    try {
      return MAPPER.treeToValue(tree, type);
    } catch (IOException | IllegalArgumentException e) {
      String message =
          e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe
              ? jpe.getOriginalMessage()
              : e.getMessage();
      throw new MalformedJsonException(
          "not a valid " + type.getRawClass().getSimpleName() + ": " + message, e);
    }
  }

  /** Reads a stream envelope, binding the payload to the type its {@code type} names. */
  public static StreamEnvelope readEnvelope(String text) {
    JsonNode tree = readTree(text);
    JsonNode typeNode = tree.get("type");
    if (typeNode == null || !typeNode.isTextual()) {
      throw new MalformedJsonException("stream message without a 'type'");
    }
    StreamEventType type = StreamEventType.ofWireName(typeNode.asText());
    if (type == null) {
      JsonNode seq = tree.get("seq");
      throw new UnknownEventTypeException(
          typeNode.asText(), seq != null && seq.canConvertToLong() ? seq.asLong() : -1);
    }
    JsonNode seq = tree.get("seq");
    if (seq == null || !seq.canConvertToLong()) {
      throw new MalformedJsonException("stream message without a numeric 'seq'");
    }
    try {
      Object payload = MAPPER.treeToValue(tree.get("payload"), type.payloadType());
      if (payload == null) {
        throw new MalformedJsonException(
            type.wireName() + " message without a payload", null, seq.asLong());
      }
      return new StreamEnvelope(
          seq.asLong(), MAPPER.treeToValue(tree.get("ts"), java.time.Instant.class), type, payload);
    } catch (IOException | IllegalArgumentException e) {
      throw new MalformedJsonException(
          "bad " + type.wireName() + " message: " + e.getMessage(), e, seq.asLong());
    }
  }

  /**
   * The top-level {@code seq} of a stream message, read without building the payload (for messages
   * too large to parse), or -1 when there is none.
   */
  public static long peekSeq(String text) {
    try (JsonParser parser = MAPPER.getFactory().createParser(text)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return -1;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if ("seq".equals(name)) {
          return value == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue() : -1;
        }
        parser.skipChildren();
      }
      return -1;
    } catch (IOException e) {
      return -1;
    }
  }

  /** Input that is not the JSON the contract expects. */
  public static class MalformedJsonException extends RuntimeException {
    private final long seq;

    public MalformedJsonException(String message) {
      this(message, null, -1);
    }

    public MalformedJsonException(String message, Throwable cause) {
      this(message, cause, -1);
    }

    public MalformedJsonException(String message, Throwable cause, long seq) {
      super(message, cause);
      this.seq = seq;
    }

    /**
     * The stream message's seq when it could be read (the message still occupies its place in the
     * stream), else -1.
     */
    public long seq() {
      return seq;
    }
  }

  /** A stream message of a type this client does not know; newer servers may send such. */
  public static final class UnknownEventTypeException extends MalformedJsonException {
    public UnknownEventTypeException(String type, long seq) {
      super("unknown stream message type '" + type + "'", null, seq);
    }
  }
}
