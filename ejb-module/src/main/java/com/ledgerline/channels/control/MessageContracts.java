package com.ledgerline.channels.control;

import static com.ledgerline.shared.Jsonp.JSON;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The published message contracts: one JSON Schema (draft 2020-12) per message type and version,
 * {@code contracts/<messageType>.v<version>.schema.json} on the class path (in the repository under
 * {@code ejb-module/src/main/resources/contracts/}, with an example of each beside it).
 * Thread-safe; a schema is loaded once.
 */
public final class MessageContracts {
  /** At most this many schema violations are named in a rejection's detail. */
  public static final int MAX_VIOLATIONS_IN_DETAIL = 10;

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

  private static final Map<String, Optional<JsonSchema>> SCHEMAS = new ConcurrentHashMap<>();

  private MessageContracts() {}

  /** The class-path resource of a contract. */
  public static String resource(String messageType, int schemaVersion) {
    return "contracts/" + messageType + ".v" + schemaVersion + ".schema.json";
  }

  /** Whether a contract is published for the type and version. */
  public static boolean isPublished(String messageType, int schemaVersion) {
    return schema(messageType, schemaVersion).isPresent();
  }

  /**
   * Parses a body and validates it against its contract.
   *
   * @return the document, valid against the contract
   * @throws BusinessRuleViolation {@code UNKNOWN_MESSAGE_TYPE} when no contract is published for
   *     the type and version; {@code MALFORMED_MESSAGE} when the body is not one JSON object (with
   *     the parser's line and column); {@code SCHEMA_VIOLATION} naming each failing field by its
   *     JSON path (at most {@value #MAX_VIOLATIONS_IN_DETAIL})
   */
  public static JsonObject validate(String messageType, int schemaVersion, String payload) {
    JsonSchema schema =
        schema(messageType, schemaVersion)
            .orElseThrow(
                () ->
                    new BusinessRuleViolation(
                        ErrorCode.UNKNOWN_MESSAGE_TYPE,
                        "no contract is published for message type "
                            + messageType
                            + " version "
                            + schemaVersion));
    JsonNode node;
    try {
      node = MAPPER.readTree(payload == null ? "" : payload);
    } catch (JsonProcessingException e) {
      throw new BusinessRuleViolation(
          ErrorCode.MALFORMED_MESSAGE,
          "the body is not valid JSON: "
              + e.getOriginalMessage()
              + Optional.ofNullable(e.getLocation())
                  .map(l -> " (line " + l.getLineNr() + ", column " + l.getColumnNr() + ")")
                  .orElse(""));
    }
    if (node == null || !node.isObject()) {
      throw new BusinessRuleViolation(
          ErrorCode.MALFORMED_MESSAGE, "the body must be one JSON object");
    }
    var violations = schema.validate(node);
    if (!violations.isEmpty()) {
      throw new BusinessRuleViolation(
          ErrorCode.SCHEMA_VIOLATION,
          messageType
              + " v"
              + schemaVersion
              + ": "
              + violations.stream()
                  .map(ValidationMessage::getMessage)
                  .sorted()
                  .limit(MAX_VIOLATIONS_IN_DETAIL)
                  .collect(Collectors.joining("; "))
              + (violations.size() > MAX_VIOLATIONS_IN_DETAIL
                  ? "; and " + (violations.size() - MAX_VIOLATIONS_IN_DETAIL) + " more"
                  : ""));
    }
    try (JsonReader reader = JSON.createReader(new StringReader(payload))) {
      return reader.readObject();
    }
  }

  /**
   * SHA-256 (hex) of the document's canonical form: object members sorted by name at every level,
   * numbers as written. Two bodies that differ only in member order or white space have one digest.
   */
  public static String digest(JsonObject document) {
    StringBuilder canonical = new StringBuilder();
    canonical(document, canonical);
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }

  private static void canonical(JsonValue value, StringBuilder out) {
    switch (value.getValueType()) {
      case OBJECT -> {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonValue> member : new TreeMap<>(value.asJsonObject()).entrySet()) {
          if (!first) {
            out.append(',');
          }
          first = false;
          out.append(JSON.createValue(member.getKey())).append(':');
          canonical(member.getValue(), out);
        }
        out.append('}');
      }
      case ARRAY -> {
        out.append('[');
        JsonArray array = value.asJsonArray();
        for (int i = 0; i < array.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          canonical(array.get(i), out);
        }
        out.append(']');
      }
      default -> out.append(value);
    }
  }

  private static Optional<JsonSchema> schema(String messageType, int schemaVersion) {
    if (messageType == null || !messageType.matches("[a-z][a-z0-9.-]{0,59}")) {
      return Optional.empty();
    }
    return SCHEMAS.computeIfAbsent(
        messageType + "/" + schemaVersion, key -> load(messageType, schemaVersion));
  }

  private static Optional<JsonSchema> load(String messageType, int schemaVersion) {
    try (InputStream in =
        MessageContracts.class
            .getClassLoader()
            .getResourceAsStream(resource(messageType, schemaVersion))) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(FACTORY.getSchema(in, CONFIG));
    } catch (IOException e) {
      throw new IllegalStateException("reading " + resource(messageType, schemaVersion), e);
    }
  }
}
