package com.ledgerline.channels.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The published contracts: every example is valid; broken documents are refused by name. */
class MessageContractsTest {
  private static final Path CONTRACTS = Path.of("src/main/resources/contracts");
  private static final Pattern EXAMPLE = Pattern.compile("(.+)\\.v(\\d+)\\.json");

  private static List<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(CONTRACTS.resolve("examples"))) {
      return files.sorted().toList();
    }
  }

  @Test
  void everyExampleIsValidAgainstItsContract() throws IOException {
    List<Path> examples = examples();
    assertFalse(examples.isEmpty());
    for (Path example : examples) {
      Matcher m = EXAMPLE.matcher(example.getFileName().toString());
      assertTrue(m.matches(), "examples are named <type>.v<version>.json: " + example);
      String body = Files.readString(example, StandardCharsets.UTF_8);
      JsonObject document =
          MessageContracts.validate(m.group(1), Integer.parseInt(m.group(2)), body);
      assertFalse(document.isEmpty(), example.toString());
    }
  }

  @Test
  void everyContractHasAnExample() throws IOException {
    try (Stream<Path> schemas = Files.list(CONTRACTS)) {
      for (Path schema : schemas.filter(p -> p.toString().endsWith(".schema.json")).toList()) {
        String name = schema.getFileName().toString().replace(".schema.json", ".json");
        assertTrue(
            Files.exists(CONTRACTS.resolve("examples").resolve(name)),
            "no example for " + schema.getFileName());
      }
    }
  }

  private static String saleExample() throws IOException {
    return Files.readString(CONTRACTS.resolve("examples/pos.sale.v1.json"));
  }

  @Test
  void aMissingFieldAndAFloatAmountAreNamedInTheDetail() throws IOException {
    JsonObject example = Json.createReader(new java.io.StringReader(saleExample())).readObject();
    String broken =
        Json.createObjectBuilder(example).remove("currency").add("amount", 30.0).build().toString();
    BusinessRuleViolation refused =
        assertThrows(
            BusinessRuleViolation.class, () -> MessageContracts.validate("pos.sale", 1, broken));
    assertEquals(ErrorCode.SCHEMA_VIOLATION, refused.code());
    assertTrue(refused.detail().contains("currency"), refused.detail());
    assertTrue(refused.detail().contains("amount"), refused.detail());
  }

  @Test
  void aZeroQuantityAndAnUnknownMemberAreRefused() throws IOException {
    String zero = saleExample().replace("\"quantity\": \"2\"", "\"quantity\": \"0.00\"");
    assertEquals(
        ErrorCode.SCHEMA_VIOLATION,
        assertThrows(
                BusinessRuleViolation.class, () -> MessageContracts.validate("pos.sale", 1, zero))
            .code());
    String extra = saleExample().replaceFirst("\\{", "{\"discount\": \"1.00\",");
    BusinessRuleViolation refused =
        assertThrows(
            BusinessRuleViolation.class, () -> MessageContracts.validate("pos.sale", 1, extra));
    assertTrue(refused.detail().contains("discount"), refused.detail());
  }

  @Test
  void malformedBodiesAndUnknownTypesHaveTheirOwnCodes() throws IOException {
    assertEquals(
        ErrorCode.MALFORMED_MESSAGE,
        assertThrows(
                BusinessRuleViolation.class,
                () -> MessageContracts.validate("pos.sale", 1, "{\"transactionId\": "))
            .code());
    assertEquals(
        ErrorCode.MALFORMED_MESSAGE,
        assertThrows(
                BusinessRuleViolation.class,
                () -> MessageContracts.validate("pos.sale", 1, "[1, 2]"))
            .code());
    String twice = saleExample().replaceFirst("\\{", "{\"currency\": \"EUR\",");
    assertEquals(
        ErrorCode.MALFORMED_MESSAGE,
        assertThrows(
                BusinessRuleViolation.class, () -> MessageContracts.validate("pos.sale", 1, twice))
            .code(),
        "a member given twice is ambiguous, not silently the last one");
    assertEquals(
        ErrorCode.UNKNOWN_MESSAGE_TYPE,
        assertThrows(
                BusinessRuleViolation.class,
                () -> MessageContracts.validate("pos.sale", 99, saleExample()))
            .code());
    assertEquals(
        ErrorCode.UNKNOWN_MESSAGE_TYPE,
        assertThrows(
                BusinessRuleViolation.class,
                () -> MessageContracts.validate("../secrets", 1, saleExample()))
            .code());
  }

  @Test
  void theDigestIgnoresMemberOrderAndWhiteSpaceButNotValues() {
    JsonObject a =
        Json.createObjectBuilder()
            .add("b", "1.00")
            .add(
                "a",
                Json.createArrayBuilder().add(Json.createObjectBuilder().add("y", 1).add("x", 2)))
            .build();
    JsonObject b =
        Json.createReader(
                new java.io.StringReader("{ \"a\" : [ {\"x\":2, \"y\":1} ], \"b\":\"1.00\" }"))
            .readObject();
    JsonObject c = Json.createObjectBuilder(b).add("b", "1.0").build();
    assertEquals(MessageContracts.digest(a), MessageContracts.digest(b));
    assertNotEquals(MessageContracts.digest(a), MessageContracts.digest(c));
    assertEquals(64, MessageContracts.digest(a).length());
  }
}
